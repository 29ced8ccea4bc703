package dev.layerwatch.scan.pipeline;

import dev.layerwatch.common.event.EventJson;
import dev.layerwatch.common.event.ScanCompleted;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;

/**
 * The one place that knows the output binding of scan results. The binding is a synchronous producer
 * (layerwatch-scan.yaml), so {@link #publish} returns only once the broker acknowledged the record and the
 * consumer's offset is committed after that: a crash in between redelivers the event, never loses the result.
 */
@Component
public class ScanCompletedPublisher {

    static final String BINDING = "scanCompleted-out-0";

    private final StreamBridge streamBridge;

    public ScanCompletedPublisher(StreamBridge streamBridge) {
        this.streamBridge = streamBridge;
    }

    public void publish(ScanCompleted result) {
        Message<byte[]> message = MessageBuilder.withPayload(EventJson.write(result))
                .setHeader(KafkaHeaders.KEY, result.key().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .setHeader("contentType", MimeTypeUtils.APPLICATION_JSON_VALUE)
                .build();
        if (!streamBridge.send(BINDING, message)) {
            throw new IllegalStateException("scan result " + result.eventId() + " for " + result.image() + " was not sent to " + BINDING);
        }
    }
}
