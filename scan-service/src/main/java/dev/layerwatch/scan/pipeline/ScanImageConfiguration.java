package dev.layerwatch.scan.pipeline;

import dev.layerwatch.common.event.EventJson;
import dev.layerwatch.common.event.ImagePushed;
import dev.layerwatch.common.event.ScanCompleted;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The {@code scanImage} binding: {@code image-pushed.v1} in, one {@code scan-completed.v1} record per platform
 * out. The payload is decoded with {@link EventJson}, the contract's own JSON form; an unreadable record is
 * rejected at once (the binder sends it to the DLQ) rather than retried.
 */
@Configuration(proxyBeanMethods = false)
public class ScanImageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ScanImageConfiguration.class);

    @Bean
    public Consumer<Message<byte[]>> scanImage(ImageScanner scanner, ScanCompletedPublisher publisher) {
        return message -> {
            ImagePushed event = EventJson.read(message.getPayload(), ImagePushed.class);
            MDC.put("eventId", event.eventId());
            try {
                long start = System.nanoTime();
                List<ScanCompleted> results = scanner.scan(event);
                for (ScanCompleted result : results) {
                    publisher.publish(result);
                }
                log.info("scanned {} ({} platform(s)) in {} ms", event.image(), results.size(), (System.nanoTime() - start) / 1_000_000);
            } finally {
                MDC.remove("eventId");
            }
        };
    }
}
