package dev.layerwatch.ingest.publish;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param bootstrapServers the brokers; defaults to the Stream binder's {@code spring.cloud.stream.kafka.binder.brokers}
 * @param timeout          the longest a webhook waits for the broker's acknowledgement before answering 503
 * @param retryAfter       the {@code Retry-After} sent with a 503
 * @param producer         extra Kafka producer properties (cannot weaken acks or idempotence)
 */
@ConfigurationProperties("layerwatch.ingest.publisher")
public record IngestPublisherProperties(String bootstrapServers, Duration timeout, Duration retryAfter, Map<String, String> producer) {

    public IngestPublisherProperties {
        bootstrapServers = bootstrapServers == null || bootstrapServers.isBlank() ? "localhost:9092" : bootstrapServers;
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
        retryAfter = retryAfter == null ? Duration.ofSeconds(5) : retryAfter;
        producer = producer == null ? Map.of() : Map.copyOf(producer);
    }
}
