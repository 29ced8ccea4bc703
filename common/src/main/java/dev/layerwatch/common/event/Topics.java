package dev.layerwatch.common.event;

/**
 * Every Kafka topic name, versioned: a breaking change to an event is a new topic, so old
 * and new consumers can run side by side during a rollout.
 */
public final class Topics {
    public static final String IMAGE_PUSHED = "image-pushed.v1";
    public static final String LAYER_ANALYSIS_REQUESTED = "layer-analysis-requested.v1";
    public static final String LAYER_ANALYZED = "layer-analyzed.v1";
    public static final String SCAN_COMPLETED = "scan-completed.v1";
    public static final String VULNDB_UPDATED = "vulndb-updated.v1";
    /** Webhook events ingest could not read, with the raw event and the reason, keyed by webhook source. */
    public static final String WEBHOOK_DEAD_LETTER = "webhook-events.v1.dlq";

    private Topics() {
    }

    public static String retry(String topic) {
        return topic + ".retry";
    }

    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }
}
