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

        List<ConsumerRecord<String, String>> out = kafka.readAll(Topics.SCAN_COMPLETED, 1, Duration.ofSeconds(60)).stream()
                .filter(r -> r.value().contains(event.eventId())).toList();
        assertThat(out).hasSize(1);
        ScanCompleted result = EventJson.read(out.getFirst().value(), ScanCompleted.class);
        assertThat(result.causationId()).isEqualTo(event.eventId());
        assertThat(result.status()).isEqualTo(ScanCompleted.Status.SUCCEEDED);
        assertThat(result.digest()).isEqualTo(image.manifestDigest());
        assertThat(out.getFirst().key()).isEqualTo(image.reference().partitionKey());
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicAndDoesNotBlockThePartition() throws Exception {
        send("poison", "{\"eventId\": 42, not json".getBytes(StandardCharsets.UTF_8));
        PushedImage image = registry.pusher().push("team/after-poison", "1.0",
                ImageSpec.image().layer(Path.of("src/test/resources/pipeline/alpine-base")));
        ImagePushed event = ImagePushed.create("distribution", "evt-2", image.reference(), null, Instant.now());
        send("poison", EventJson.write(event));

        assertThat(kafka.readAll(Topics.deadLetter(Topics.IMAGE_PUSHED), 1, Duration.ofSeconds(60)))
                .extracting(ConsumerRecord::value).anySatisfy(v -> assertThat(v).contains("not json"));
        assertThat(kafka.readAll(Topics.SCAN_COMPLETED, 1, Duration.ofSeconds(60)))
                .extracting(ConsumerRecord::value).anySatisfy(v -> assertThat(v).contains(event.eventId()));
    }
}
