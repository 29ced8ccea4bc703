package dev.layerwatch.scan.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerwatch.common.event.EventJson;
import dev.layerwatch.common.event.ImagePushed;
import dev.layerwatch.common.event.ScanCompleted;
import dev.layerwatch.common.event.Topics;
import dev.layerwatch.scan.ScanApplication;
import dev.layerwatch.testkit.kafka.KafkaBrokerExtension;
import dev.layerwatch.testkit.redis.RedisServerExtension;
import dev.layerwatch.testkit.registry.ImageSpec;
import dev.layerwatch.testkit.registry.PushedImage;
import dev.layerwatch.testkit.registry.RegistryServerExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** scan-service as it runs: the scanImage binding on a real broker, Redis and registry. */
@SpringBootTest(classes = ScanApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ScanImageBindingIT {

    @RegisterExtension
    static KafkaBrokerExtension kafka = new KafkaBrokerExtension();
    @RegisterExtension
    static RedisServerExtension redis = RedisServerExtension.shared();
    @RegisterExtension
    static RegistryServerExtension registry = RegistryServerExtension.builder().build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry props) {
        props.add("spring.cloud.stream.kafka.binder.brokers", kafka::bootstrapServers);
        props.add("spring.data.redis.host", redis::host);
        props.add("spring.data.redis.port", redis::port);
        props.add("layerwatch.registries[0].host", registry::hostPort);
        props.add("layerwatch.registries[0].insecure", () -> "true");
        // the test broker's partition count: no partition growth (and consumer rebalance) mid-test
        props.add("spring.cloud.stream.kafka.binder.min-partition-count", () -> "3");
    }

    private void send(String key, byte[] value) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.IMAGE_PUSHED, key, value)).get();
        }
    }

    @Test
    void anImagePushedRecordYieldsAScanCompletedRecordKeyedByTheImage() throws Exception {
        PushedImage image = registry.pusher().push("team/bound", "1.0",
                ImageSpec.image().layer(Path.of("src/test/resources/pipeline/alpine-base")));
        ImagePushed event = ImagePushed.create("distribution", "evt-1", image.reference(), null, Instant.now());

        send(event.key(), EventJson.write(event));

        List<ConsumerRecord<String, String>> out = awaitRecords(Topics.SCAN_COMPLETED, event.eventId(), Duration.ofSeconds(120));
        assertThat(out).hasSize(1);
        ScanCompleted result = EventJson.read(out.getFirst().value(), ScanCompleted.class);
        assertThat(result.causationId()).isEqualTo(event.eventId());
        assertThat(result.status()).isEqualTo(ScanCompleted.Status.SUCCEEDED);
        assertThat(result.digest()).isEqualTo(image.manifestDigest());
        assertThat(out.getFirst().key()).isEqualTo(image.reference().partitionKey());
        assertThat(result.inventory()).as("the inventory travels with the result, per layer").hasSize(1);
        assertThat(result.inventory().getFirst().packages()).hasSize(result.summary().packages());
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicAndDoesNotBlockThePartition() throws Exception {
        send("poison", "{\"eventId\": 42, not json".getBytes(StandardCharsets.UTF_8));
        PushedImage image = registry.pusher().push("team/after-poison", "1.0",
                ImageSpec.image().layer(Path.of("src/test/resources/pipeline/alpine-base")));
        ImagePushed event = ImagePushed.create("distribution", "evt-2", image.reference(), null, Instant.now());
        send("poison", EventJson.write(event));

        assertThat(kafka.readAll(Topics.deadLetter(Topics.IMAGE_PUSHED), 1, Duration.ofSeconds(120)))
                .extracting(ConsumerRecord::value).anySatisfy(v -> assertThat(v).contains("not json"));
        assertThat(awaitRecords(Topics.SCAN_COMPLETED, event.eventId(), Duration.ofSeconds(120))).hasSize(1);
    }

    @org.springframework.beans.factory.annotation.Autowired
    ScanCompletedPublisher publisher;

    /** The records of {@code topic} that mention {@code text}, once there is one (other tests write to the same topic). */
    private List<ConsumerRecord<String, String>> awaitRecords(String topic, String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<ConsumerRecord<String, String>> found = kafka.readAll(topic, Integer.MAX_VALUE, Duration.ofSeconds(2)).stream()
                    .filter(r -> r.value().contains(text)).toList();
            if (!found.isEmpty() || System.nanoTime() > deadline) {
                return found;
            }
            Thread.sleep(500);
        }
    }

    /** Kafka's default 1 MiB record limit is no reason to drop packages: the producer compresses the whole inventory. */
    @Test
    void aTenThousandPackageInventoryReachesTheTopicWhole() throws Exception {
        String[] groups = {"org.apache.commons", "com.fasterxml.jackson.core", "io.netty", "org.springframework", "com.google.guava"};
        java.util.List<dev.layerwatch.common.inventory.LayerInventory> layers = new java.util.ArrayList<>();
        for (int layer = 0; layer < 10; layer++) {
            java.util.List<dev.layerwatch.common.inventory.InventoryPackage> packages = new java.util.ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                String group = groups[i % groups.length];
                String artifact = "module-" + layer + "-" + i;
                String version = (i % 7) + "." + (i % 13) + "." + (i % 5);
                packages.add(new dev.layerwatch.common.inventory.InventoryPackage(group + ":" + artifact, version, "maven",
                        "pkg:maven/" + group + "/" + artifact + "@" + version, null, null,
                        List.of("/app/lib/" + artifact + "-" + version + ".jar")));
            }
            layers.add(new dev.layerwatch.common.inventory.LayerInventory(
                    "sha256:" + String.format("%064x", layer + 1), packages));
        }
        dev.layerwatch.common.image.Digest digest = dev.layerwatch.common.image.Digest.parse("sha256:" + "ab".repeat(32));
        ScanCompleted big = new ScanCompleted(ScanCompleted.newEventId(), ScanCompleted.SCHEMA_VERSION, "cause", ScanCompleted.Status.SUCCEEDED,
                null, "127.0.0.1:5000", "team/huge", "1.0", digest, digest, null, null,
                new dev.layerwatch.common.event.ScanSummary(10_000, 10, null, 0, 0), List.of(), List.of(), List.of(), List.of(), null, "test",
                Instant.now(), null, null, null, layers);
        assertThat(EventJson.write(big).length).as("uncompressed, the record is over the broker's 1 MiB default").isGreaterThan(1024 * 1024);

        publisher.publish(big);

        List<ConsumerRecord<String, String>> out = awaitRecords(Topics.SCAN_COMPLETED, big.eventId(), Duration.ofSeconds(60));
        assertThat(out).hasSize(1);
        ScanCompleted read = EventJson.read(out.getFirst().value(), ScanCompleted.class);
        assertThat(read.inventory()).hasSize(10);
        assertThat(read.inventory().stream().mapToInt(l -> l.packages().size()).sum()).isEqualTo(10_000);
        assertThat(read.inventory()).isEqualTo(big.inventory());
    }
}
