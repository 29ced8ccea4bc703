package dev.layerwatch.standalone;

import dev.layerwatch.common.event.Topics;
import dev.layerwatch.testkit.registry.PushedImage;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Which pushes ingest has answered 202 for: their image-pushed event is in the broker's log (ingest answers only
 * after the acknowledgement). Reads every partition from the beginning without a consumer group, so it sees an
 * event within one poll.
 */
final class AcceptedEvents implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final Set<String> values = new HashSet<>();
    private boolean assigned;

    AcceptedEvents(int kafkaPort) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + kafkaPort,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                // ingest's producer creates the topic with its partition count; this reader must not create it first
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false"), new StringDeserializer(), new StringDeserializer());
    }

    /** The digests of {@code pushed} whose event is in the log by now. */
    Set<String> poll(List<PushedImage> pushed) {
        if (!assigned) {
            List<PartitionInfo> partitions;
            try {
                partitions = consumer.partitionsFor(Topics.IMAGE_PUSHED, Duration.ofSeconds(2));
            } catch (TimeoutException notYetCreated) {
                partitions = List.of();
            }
            if (partitions == null || partitions.isEmpty()) {
                sleep();
                return Set.of();
            }
            List<TopicPartition> tps = partitions.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(tps);
            consumer.seekToBeginning(tps);
            assigned = true;
        }
        consumer.poll(Duration.ofMillis(50)).forEach(r -> values.add(r.value()));
        Set<String> accepted = new HashSet<>();
        for (PushedImage p : pushed) {
            String digest = p.manifestDigest().toString();
            if (values.stream().anyMatch(v -> v.contains(digest))) {
                accepted.add(digest);
            }
        }
        return accepted;
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        consumer.close(java.time.Duration.ZERO.plusSeconds(1));
    }
}
