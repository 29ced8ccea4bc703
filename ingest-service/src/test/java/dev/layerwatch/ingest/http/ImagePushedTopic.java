package dev.layerwatch.ingest.http;

import dev.layerwatch.common.event.EventJson;
import dev.layerwatch.common.event.ImagePushed;
import dev.layerwatch.common.event.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads everything in {@code image-pushed.v1} up to the partitions' current end offsets, without waiting for
 * more: what a consumer can read at this instant. Used right after a 2xx to prove the record was already stored.
 */
public final class ImagePushedTopic {

    /** A record as stored: its key and the event. */
    public record Stored(String key, ImagePushed event) {
    }

    private ImagePushedTopic() {
    }

    public static List<Stored> readNow(String bootstrapServers) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<Stored> stored = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(Topics.IMAGE_PUSHED, Duration.ofSeconds(10));
            List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + Topics.IMAGE_PUSHED + " up to " + end + " within 15 s");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    stored.add(new Stored(record.key(), EventJson.read(record.value(), ImagePushed.class)));
                }
            }
        }
        return stored;
    }

    public static List<Stored> withSenderId(String bootstrapServers, String sourceEventId) {
        return readNow(bootstrapServers).stream().filter(s -> sourceEventId.equals(s.event().sourceEventId())).toList();
    }
}
