package dev.layerwatch.scan.pipeline;

import dev.layerwatch.common.event.EventJson;
import dev.layerwatch.common.event.ImagePushed;
import dev.layerwatch.scan.config.ScanRetryProperties;
import dev.layerwatch.scan.metrics.ScanMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.slf4j.MDC;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * The {@code scanImage} binding ({@code image-pushed.v1} in, one {@code scan-completed.v1} record per platform out)
 * and the {@code retryScan} binding ({@code image-pushed.v1.retry}). Payloads are decoded with {@link EventJson}; an
 * unreadable record is rejected at once (the binder sends it to the DLQ) rather than retried. A retry record not yet
 * due is not slept on: it is nacked for at most {@code layerwatch.scan.retry.max-pause}, which pauses the retry
 * consumer (it keeps polling, so the group does not rebalance) and redelivers the record then.
 */
@Configuration(proxyBeanMethods = false)
public class ScanImageConfiguration {

    @Bean
    ScanRetries scanRetries(StreamBridge bridge, ScanCompletedPublisher publisher, ScanRetryProperties properties, ScanMetrics metrics) {
        return new ScanRetries(bridge, publisher, new ScanResults(RegistryImageScanner.scannerVersion(), Clock.systemUTC()), properties,
                metrics, Clock.systemUTC());
    }

    @Bean
    ScanFlow scanFlow(ImageScanner scanner, ScanCompletedPublisher publisher, ScanRetries retries, ScanMetrics metrics) {
        return new ScanFlow(scanner, publisher, retries, metrics);
    }

    @Bean
    public Consumer<Message<byte[]>> scanImage(ScanFlow flow) {
        return message -> {
            ImagePushed event = EventJson.read(message.getPayload(), ImagePushed.class);
            MDC.put("eventId", event.eventId());
            try {
                flow.attempt(event, null);
            } finally {
                MDC.remove("eventId");
            }
        };
    }

    @Bean
    public Consumer<Message<byte[]>> retryScan(ScanFlow flow, ScanRetryProperties properties) {
        return message -> {
            PendingScan pending = EventJson.read(message.getPayload(), PendingScan.class);
            Acknowledgment ack = message.getHeaders().get(KafkaHeaders.ACKNOWLEDGMENT, Acknowledgment.class);
            Duration wait = Duration.between(Instant.now(), pending.notBefore());
            if (!wait.isNegative() && !wait.isZero() && ack != null) {
                ack.nack(wait.compareTo(properties.maxPause()) > 0 ? properties.maxPause() : wait);
                return;
            }
            MDC.put("eventId", pending.event().eventId());
            try {
                flow.attempt(pending.event(), pending);
            } finally {
                MDC.remove("eventId");
            }
            if (ack != null) {
                ack.acknowledge();
            }
        };
    }
}
