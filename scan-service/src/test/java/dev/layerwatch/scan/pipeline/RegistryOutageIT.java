package dev.layerwatch.scan.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerwatch.common.event.EventJson;
import dev.layerwatch.common.event.ImagePushed;
import dev.layerwatch.common.event.ScanCompleted;
import dev.layerwatch.common.event.ScanOutcome;
import dev.layerwatch.common.event.Topics;
import dev.layerwatch.common.event.VulnerabilityStatus;
import dev.layerwatch.common.image.Digest;
import dev.layerwatch.scan.ScanApplication;
import dev.layerwatch.testkit.kafka.KafkaBrokerExtension;
import dev.layerwatch.testkit.redis.RedisServerExtension;
import dev.layerwatch.testkit.registry.ImageSpec;
import dev.layerwatch.testkit.registry.PushedImage;
import dev.layerwatch.testkit.registry.RegistryServerExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Registry outages and unreadable layers on real components (KRaft broker, redis-server, docker-registry): the retry
 * window is shortened by configuration to 15 s so an outage "past the window" fits in a test.
 */
@SpringBootTest(classes = ScanApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegistryOutageIT {

    @RegisterExtension
    static KafkaBrokerExtension kafka = new KafkaBrokerExtension();
    @RegisterExtension
    static RedisServerExtension redis = RedisServerExtension.shared();
    @RegisterExtension
    static RegistryServerExtension registry = RegistryServerExtension.builder().build();

    private static final Path BASE = Path.of("src/test/resources/pipeline/alpine-base");
    private static final Path APP = Path.of("src/test/resources/pipeline/app-layer");
    private static String registryHost;

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry props) {
        registryHost = registry.hostPort();
        props.add("spring.cloud.stream.kafka.binder.brokers", kafka::bootstrapServers);
        props.add("spring.data.redis.host", redis::host);
        props.add("spring.data.redis.port", redis::port);
        props.add("layerwatch.registries[0].host", () -> registryHost);
        props.add("layerwatch.registries[0].insecure", () -> "true");
        props.add("spring.cloud.stream.kafka.binder.min-partition-count", () -> "3");
        props.add("layerwatch.scan.retry.window", () -> "15s");
        props.add("layerwatch.scan.retry.initial-delay", () -> "1s");
        props.add("layerwatch.scan.retry.max-delay", () -> "3s");
        props.add("layerwatch.scan.retry.max-pause", () -> "1s");
    }

    @AfterEach
    void registryBack() throws Exception {
        try {
            registry.resume();
        } catch (IllegalStateException notPaused) {
            // the test resumed it itself
        }
    }

    @Test
    @Order(1)
    void anOutageShorterThanTheWindowIsScannedAfterTheRegistryReturnsAndAnnouncedOnce() throws Exception {
        PushedImage image = registry.pusher().push("team/outage-short", "1.0", ImageSpec.image().layer(BASE));
        ImagePushed event = ImagePushed.create("distribution", "short-1", image.reference(), null, Instant.now());

        registry.pause();
        send(event);
        assertThat(await(Topics.retry(Topics.IMAGE_PUSHED), r -> r.value().contains(event.eventId()), Duration.ofSeconds(60)))
                .as("the failed attempt went to the retry topic").isNotEmpty();
        Thread.sleep(4_000);
        registry.resume();

        List<ScanCompleted> results = awaitResults(event, r -> true, Duration.ofSeconds(60));
        Thread.sleep(5_000); // anything published twice would be there by now
        results = awaitResults(event, r -> true, Duration.ofSeconds(5));
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(ScanCompleted.Status.SUCCEEDED);
            assertThat(r.outcome().result()).isEqualTo(ScanOutcome.Result.COMPLETE);
            assertThat(r.digest()).isEqualTo(image.manifestDigest());
        });
    }

    @Test
    @Order(2)
    void anOutagePastTheWindowIsOneFailedResultAndAReplayAfterItReturnsScansIt() throws Exception {
        PushedImage image = registry.pusher().push("team/outage-long", "1.0", ImageSpec.image().layer(BASE));
        ImagePushed event = ImagePushed.create("distribution", "long-1", image.reference(), null, Instant.now());

        registry.pause();
        Instant sent = Instant.now();
        send(event);
        List<ScanCompleted> failed = awaitResults(event, r -> r.status() == ScanCompleted.Status.FAILED, Duration.ofSeconds(90));
        assertThat(failed).singleElement().satisfies(r -> {
            assertThat(r.outcome().result()).isEqualTo(ScanOutcome.Result.FAILED);
            assertThat(r.outcome().reason()).isEqualTo("registry " + registryHost + " unreachable");
            assertThat(r.outcome().failingSince()).isBetween(sent.minusSeconds(1), sent.plusSeconds(30));
            assertThat(Duration.between(r.outcome().failingSince(), r.scannedAt())).isGreaterThanOrEqualTo(Duration.ofSeconds(15));
            assertThat(r.vulnerabilityStatus().checked()).isFalse();
        });
        assertThat(await(Topics.deadLetter(Topics.IMAGE_PUSHED), r -> r.value().contains(event.eventId()), Duration.ofSeconds(30)))
                .as("the event was dead-lettered").isNotEmpty();

        registry.resume();
        HttpResponse<String> replay = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/dlqreplay")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
        assertThat(replay.body()).contains("\"records\"");

        List<ScanCompleted> after = awaitResults(event, r -> r.status() == ScanCompleted.Status.SUCCEEDED, Duration.ofSeconds(60));
        assertThat(after).hasSize(1);
        assertThat(awaitResults(event, r -> r.status() == ScanCompleted.Status.FAILED, Duration.ofSeconds(1))).hasSize(1);
    }

    @Test
    @Order(3)
    void aLayerWhoseBytesDoNotMatchItsDigestMakesTheScanIncompleteAndNamesIt() throws Exception {
        PushedImage image = registry.pusher().push("team/corrupt", "1.0", ImageSpec.image().layer(BASE).layer(APP));
        Digest bad = image.layerDigests().get(1);
        Path data = registry.blobDataFile(bad);
        byte[] bytes = Files.readAllBytes(data);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(data, bytes);
        ImagePushed event = ImagePushed.create("distribution", "corrupt-1", image.reference(), null, Instant.now());

        send(event);

        ScanCompleted result = awaitResults(event, r -> true, Duration.ofSeconds(60)).getFirst();
        assertThat(result.status()).isEqualTo(ScanCompleted.Status.SUCCEEDED);
        assertThat(result.outcome().result()).isEqualTo(ScanOutcome.Result.INCOMPLETE);
        assertThat(result.outcome().incompleteLayers()).singleElement().satisfies(p -> {
            assertThat(p.layer()).isEqualTo(bad.toString());
            assertThat(p.reason()).isNotBlank();
        });
        // no layerwatch.vulndb.dir here: never a silent "checked"
        assertThat(result.vulnerabilityStatus().reason()).isEqualTo(VulnerabilityStatus.Reason.NO_DB);
    }

    private void send(ImagePushed event) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.IMAGE_PUSHED, event.key(), EventJson.write(event))).get();
        }
    }

    private List<ConsumerRecord<String, String>> await(String topic, Predicate<ConsumerRecord<String, String>> wanted, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ConsumerRecord<String, String>> found;
        do {
            found = kafka.readAll(topic, Integer.MAX_VALUE, Duration.ofSeconds(2)).stream().filter(wanted).toList();
        } while (found.isEmpty() && System.nanoTime() < deadline);
        return found;
    }

    private List<ScanCompleted> awaitResults(ImagePushed event, Predicate<ScanCompleted> wanted, Duration timeout) {
        return await(Topics.SCAN_COMPLETED, r -> r.value().contains(event.eventId()), timeout).stream()
                .map(r -> EventJson.read(r.value(), ScanCompleted.class))
                .filter(r -> r.causationId().equals(event.eventId())).filter(wanted).toList();
    }
}
