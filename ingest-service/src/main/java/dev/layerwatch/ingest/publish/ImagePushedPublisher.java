package dev.layerwatch.ingest.publish;

import dev.layerwatch.common.event.EventJson;
import dev.layerwatch.common.event.ImagePushed;
import dev.layerwatch.common.event.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Sends {@link ImagePushed} to {@link Topics#IMAGE_PUSHED}, keyed by {@link ImagePushed#key()}, and returns only when
 * the broker has acknowledged each record or the bounded wait is over.
 *
 * <p>Why a plain {@link KafkaProducer} owned here rather than StreamBridge or a KafkaTemplate bean: the guarantee
 * this class gives is "returned normally ⇒ acks=all acknowledged", and that is exactly {@code send(...).get(timeout)}
 * on a producer whose settings nobody else can change. A KafkaTemplate or binder producer is shared configuration
 * in the standalone JVM (three services), and StreamBridge hides the acknowledgement behind the binder's async
 * handler unless several properties are set right elsewhere. The producer is idempotent so the client's own
 * retries within the delivery timeout never write a record twice.
 */
@Component
public class ImagePushedPublisher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ImagePushedPublisher.class);

    private final Producer<String, byte[]> producer;
    private final Duration timeout;

    public ImagePushedPublisher(IngestPublisherProperties properties) {
        this.timeout = properties.timeout();
        this.producer = new KafkaProducer<>(producerConfig(properties), new StringSerializer(), new ByteArraySerializer());
    }

    /** The producer settings, shared with the benchmark's bare producer so both send the same way. */
    public static Map<String, Object> producerConfig(IngestPublisherProperties properties) {
        long timeoutMs = properties.timeout().toMillis();
        Map<String, Object> config = new HashMap<>(properties.producer());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers());
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "layerwatch-ingest");
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 1);
        config.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        // delivery.timeout.ms >= linger.ms + request.timeout.ms is enforced by the client
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeoutMs);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(500, timeoutMs - 100));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        config.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        return config;
    }

    /** Sends the batch at once and waits for every acknowledgement, all within one {@code timeout}. */
    public PublishOutcome publish(List<ImagePushed> events) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Future<RecordMetadata>> futures = new ArrayList<>(events.size());
        List<String> keys = new ArrayList<>(events.size());
        for (ImagePushed event : events) {
            String key = event.key();
            keys.add(key);
            futures.add(send(key, event));
        }
        List<ImagePushed> acknowledged = new ArrayList<>();
        List<ImagePushed> failed = new ArrayList<>();
        String failure = null;
        for (int i = 0; i < events.size(); i++) {
            ImagePushed event = events.get(i);
            try {
                long remaining = Math.max(0, deadline - System.nanoTime());
                RecordMetadata metadata = futures.get(i).get(remaining, TimeUnit.NANOSECONDS);
                acknowledged.add(event);
                if (log.isInfoEnabled()) {
                    logPublished(event, keys.get(i), metadata);
                }
            } catch (TimeoutException e) {
                failed.add(event);
                failure = "Kafka did not acknowledge " + keys.get(i) + " within " + timeout.toMillis() + " ms";
            } catch (ExecutionException e) {
                failed.add(event);
                failure = "Kafka refused " + keys.get(i) + ": " + e.getCause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed.add(event);
                failure = "interrupted while waiting for Kafka to acknowledge " + keys.get(i);
            }
        }
        if (failure != null) {
            log.warn("publishing to {} failed for {} of {} events: {}", Topics.IMAGE_PUSHED, failed.size(), events.size(), failure);
        }
        return new PublishOutcome(acknowledged, failed, failure);
    }

    /**
     * Records unreadable webhook events on {@link Topics#WEBHOOK_DEAD_LETTER} (keyed by source) and waits for the
     * acknowledgement like {@link #publish}: an event is only acknowledged to its sender once it is stored
     * somewhere. Returns null when every record was acknowledged, else why not.
     */
    public String publishDeadLetters(String source, List<byte[]> records) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Future<RecordMetadata>> futures = new ArrayList<>(records.size());
        for (byte[] value : records) {
            try {
                futures.add(producer.send(new ProducerRecord<>(Topics.WEBHOOK_DEAD_LETTER, source, value)));
            } catch (RuntimeException e) {
                futures.add(CompletableFuture.failedFuture(e));
            }
        }
        for (Future<RecordMetadata> future : futures) {
            try {
                future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                return "Kafka did not acknowledge a dead-letter record within " + timeout.toMillis() + " ms";
            } catch (ExecutionException e) {
                return "Kafka refused a dead-letter record: " + e.getCause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted while waiting for Kafka to acknowledge a dead-letter record";
            }
        }
        return null;
    }

    private Future<RecordMetadata> send(String key, ImagePushed event) {
        try {
            return producer.send(new ProducerRecord<>(Topics.IMAGE_PUSHED, key, EventJson.write(event)));
        } catch (RuntimeException e) {
            // send() throws for a closed producer or a fatal state; treat it like a failed acknowledgement
            return CompletableFuture.failedFuture(e);
        }
    }

    private static void logPublished(ImagePushed event, String key, RecordMetadata metadata) {
        try (MDC.MDCCloseable ignored = MDC.putCloseable("eventId", event.eventId())) {
            log.info("published {} event {} for {} to {}-{}@{}", event.source(), event.sourceEventId(), key,
                    metadata.topic(), metadata.partition(), metadata.offset());
        }
    }

    @Override
    public void destroy() {
        producer.close(Duration.ofSeconds(5));
    }
}
