package dev.layerwatch.notify.pipeline;

import dev.layerwatch.common.event.EventJson;
import dev.layerwatch.common.event.ScanCompleted;
import dev.layerwatch.notify.delivery.PendingDelivery;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The two consumers. Each returns only after the outcome is in Redis or on a topic (synchronous
 * producers), and the binder commits per record ({@code ack-mode: RECORD}); an exception (Redis or
 * Kafka unreachable) makes the binder retry the record and finally dead-letter it as it came.
 */
@Configuration(proxyBeanMethods = false)
public class NotifyPipelineConfiguration {

    /** Reads {@code scan-completed.v1}. */
    @Bean
    public Consumer<Message<byte[]>> notifyFindings(ScanNotifications notifications, DeliveryTopics topics) {
        return message -> {
            ScanCompleted scan;
            try {
                scan = EventJson.read(message.getPayload(), ScanCompleted.class);
            } catch (IllegalArgumentException e) {
                topics.deadLetterUnreadable(message.getPayload(), e.getMessage());
                return;
            }
            notifications.notify(scan);
        };
    }

    /** Reads {@code scan-completed.v1.retry}. */
    @Bean
    public Consumer<Message<byte[]>> retryNotifications(ScanNotifications notifications, DeliveryTopics topics) {
        return message -> {
            PendingDelivery pending;
            try {
                pending = EventJson.read(message.getPayload(), PendingDelivery.class);
            } catch (IllegalArgumentException e) {
                topics.deadLetterUnreadable(message.getPayload(), e.getMessage());
                return;
            }
            try {
                notifications.retry(pending);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting to retry " + pending.target(), e);
            }
        };
    }
}
