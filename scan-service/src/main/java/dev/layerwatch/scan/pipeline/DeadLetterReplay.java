package dev.layerwatch.scan.pipeline;

import dev.layerwatch.common.event.Topics;
import dev.layerwatch.scan.metrics.ScanMetrics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

/**
 * Sends every record of {@code image-pushed.v1.dlq} not replayed before back to {@code image-pushed.v1}, key and
 * value as they are: {@code curl -X POST http://HOST:PORT/actuator/dlqreplay}. What was replayed is remembered as the
 * committed offset of the group {@value #GROUP}, so a second call replays only newer dead letters; a record that
 * fails again comes back to the DLQ and is replayed by the next call.
 */
@Component
@Endpoint(id = "dlqreplay")
public class DeadLetterReplay {

    static final String GROUP = "scan-service-dlq-replay";
    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplay.class);

    private final String brokers;
    private final ScanMetrics metrics;

    public DeadLetterReplay(@Value("${spring.cloud.stream.kafka.binder.brokers:localhost:9092}") String brokers, ScanMetrics metrics) {
        this.brokers = brokers;
        this.metrics = metrics;
    }

    /** The outcome of one replay: how many records went back, from which topic to which. */
    public record Replayed(String from, String to, int records) {
    }

    @WriteOperation
    public synchronized Replayed replay() {
        String dlq = Topics.deadLetter(Topics.IMAGE_PUSHED);
        Map<String, Object> consumerConfig = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers, ConsumerConfig.GROUP_ID_CONFIG, GROUP,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, Object> producerConfig = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        int replayed = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(dlq, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(dlq, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions), Duration.ofSeconds(10));
            for (TopicPartition tp : partitions) {
                OffsetAndMetadata c = committed.get(tp);
                if (c == null) {
                    consumer.seekToBeginning(List.of(tp));
                } else {
                    consumer.seek(tp, c.offset());
                }
            }
            Map<TopicPartition, Long> remaining = new HashMap<>(end);
            remaining.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (!remaining.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    if (r.offset() >= end.get(tp)) {
                        continue; // dead-lettered after this replay began: the next replay's
                    }
                    producer.send(new ProducerRecord<>(Topics.IMAGE_PUSHED, null, r.key(), r.value())).get();
                    replayed++;
                    consumer.commitSync(Map.of(tp, new OffsetAndMetadata(r.offset() + 1)));
                }
                remaining.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("DLQ replay interrupted after " + replayed + " records", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("DLQ replay stopped after " + replayed + " records: " + e.getCause(), e);
        }
        metrics.replayed(replayed);
        log.info("replayed {} dead-lettered record(s) from {} to {}", replayed, dlq, Topics.IMAGE_PUSHED);
        return new Replayed(dlq, Topics.IMAGE_PUSHED, replayed);
    }
}
