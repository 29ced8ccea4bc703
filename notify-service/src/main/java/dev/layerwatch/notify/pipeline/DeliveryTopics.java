package dev.layerwatch.notify.pipeline;

import dev.layerwatch.common.event.EventJson;
import dev.layerwatch.notify.delivery.FailedDelivery;
import dev.layerwatch.notify.delivery.PendingDelivery;
import java.nio.charset.StandardCharsets;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;

/**
 * Writes to the retry and dead-letter topics. Both bindings are synchronous producers, so a send
 * returns only once the broker has the record: the consumer's offset is committed only after.
 */
public class DeliveryTopics {

    public static final String RETRY_BINDING = "notifyRetry";
    public static final String DEAD_LETTER_BINDING = "notifyDeadLetter";
    public static final String TARGET_HEADER = "lw-target";
    public static final String REASON_HEADER = "lw-reason";

    private final StreamBridge bridge;

    public DeliveryTopics(StreamBridge bridge) {
        this.bridge = bridge;
    }

    public void retry(PendingDelivery pending) {
        send(RETRY_BINDING, EventJson.write(pending), pending.scan().key(), pending.target(), pending.reason());
    }

    public void deadLetter(FailedDelivery failed) {
        send(DEAD_LETTER_BINDING, EventJson.write(failed), failed.scan().key(), failed.target(), failed.reason());
    }

    /** A record that could not even be read: dead-lettered as it came, with the reason. */
    public void deadLetterUnreadable(byte[] payload, String reason) {
        send(DEAD_LETTER_BINDING, payload, null, "none", reason);
    }

    private void send(String binding, byte[] payload, String key, String target, String reason) {
        MessageBuilder<byte[]> message = MessageBuilder.withPayload(payload)
                .setHeader("contentType", MimeTypeUtils.APPLICATION_JSON_VALUE)
                .setHeader(TARGET_HEADER, target)
                .setHeader(REASON_HEADER, reason == null ? "" : reason.substring(0, Math.min(reason.length(), 1000)));
        if (key != null) {
            message.setHeader(KafkaHeaders.KEY, key.getBytes(StandardCharsets.UTF_8));
        }
        Message<byte[]> built = message.build();
        if (!bridge.send(binding, built)) {
            throw new IllegalStateException("cannot publish to binding " + binding + " for target " + target);
        }
    }
}
