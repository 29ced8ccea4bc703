package dev.layerwatch.ingest.dedupe;

import dev.layerwatch.common.event.ImagePushed;
import dev.layerwatch.ingest.metrics.IngestMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Keys are {@code <prefix><source>:<sender event id>}. An id is looked up before publishing and written
 * ({@code SET NX} with the TTL) only after Kafka acknowledged the event, so a delivery that failed to publish is
 * not remembered and its retry is published. Two concurrent deliveries of one id may both publish; downstream
 * dedupes on the image, which this only makes rare.
 */
@Component
public class DeliveryDedupe {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDedupe.class);

    private final StringRedisTemplate redis;
    private final IngestDedupeProperties properties;
    private final IngestMetrics metrics;

    public DeliveryDedupe(StringRedisTemplate redis, IngestDedupeProperties properties, IngestMetrics metrics) {
        this.redis = redis;
        this.properties = properties;
        this.metrics = metrics;
    }

    /** True when this sender event was already published; false when not, or when Redis cannot say. */
    public boolean alreadyPublished(ImagePushed event) {
        if (event.sourceEventId() == null) {
            return false;
        }
        try {
            return Boolean.TRUE.equals(redis.hasKey(key(event)));
        } catch (RuntimeException e) {
            metrics.dedupeUnavailable(event.source());
            log.warn("dedupe lookup of {} event {} failed, publishing without dedupe: {}", event.source(), event.sourceEventId(), e.toString());
            return false;
        }
    }

    /** Records that this sender event is in Kafka; a Redis failure only costs a possible duplicate later. */
    public void rememberPublished(ImagePushed event) {
        if (event.sourceEventId() == null) {
            return;
        }
        try {
            redis.opsForValue().setIfAbsent(key(event), event.eventId(), properties.ttl());
        } catch (RuntimeException e) {
            metrics.dedupeUnavailable(event.source());
            log.warn("could not remember {} event {} as published: {}", event.source(), event.sourceEventId(), e.toString());
        }
    }

    private String key(ImagePushed event) {
        return properties.keyPrefix() + event.source() + ":" + event.sourceEventId();
    }
}
