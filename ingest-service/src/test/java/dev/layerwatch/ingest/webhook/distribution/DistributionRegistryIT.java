package dev.layerwatch.ingest.webhook.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerwatch.common.event.Topics;
import dev.layerwatch.testkit.kafka.KafkaBrokerExtension;
import dev.layerwatch.ingest.IngestApplication;
import dev.layerwatch.ingest.http.ImagePushedTopic;
import dev.layerwatch.ingest.http.ImagePushedTopic.Stored;
import dev.layerwatch.testkit.net.FreePorts;
import dev.layerwatch.testkit.redis.RedisServerExtension;
import dev.layerwatch.testkit.registry.ImageSpec;
import dev.layerwatch.testkit.registry.NotificationEndpoint;
import dev.layerwatch.testkit.registry.PushedImage;
import dev.layerwatch.testkit.registry.PushedIndex;
import dev.layerwatch.testkit.registry.RegistryServerExtension;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * End to end with Debian's real {@code docker-registry}: image pushes made over plain HTTP become notifications
 * the registry posts to ingest, which writes them to a real broker. Includes the registry's own retry behaviour
 * when ingest answers 503 (broker down): the retried delivery, same event id, lands exactly once.
 */
@SpringBootTest(classes = IngestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "server.address=127.0.0.1",
        "layerwatch.ingest.distribution.token=e2e-token",
        "layerwatch.ingest.publisher.timeout=1500ms",
        "layerwatch.ingest.publisher.retry-after=1s"})
class DistributionRegistryIT {

    private static final int INGEST_PORT = FreePorts.next();

    @RegisterExtension
    static KafkaBrokerExtension kafka = KafkaBrokerExtension.dedicated();

    @RegisterExtension
    static RedisServerExtension redis = RedisServerExtension.shared();

    @RegisterExtension
    static RegistryServerExtension registry = RegistryServerExtension.builder()
            .notify(NotificationEndpoint.to(URI.create("http://127.0.0.1:" + INGEST_PORT + "/webhooks/distribution"),
                            Map.of("Authorization", "Bearer e2e-token"))
                    .withTimeout(Duration.ofSeconds(3)).withThreshold(3).withBackoff(Duration.ofMillis(500)))
            .build();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        properties.add("server.port", () -> INGEST_PORT);
        properties.add("spring.cloud.stream.kafka.binder.brokers", kafka::bootstrapServers);
        properties.add("spring.data.redis.host", () -> "127.0.0.1");
        properties.add("spring.data.redis.port", redis::port);
        properties.add("layerwatch.registries[0].host", registry::hostPort);
        properties.add("layerwatch.registries[0].insecure", () -> "true");
    }

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void topic() {
        kafka.createTopics(Topics.IMAGE_PUSHED);
    }

    @Test
    void pushedImageBecomesExactlyOneEventKeyedByItsManifestDigest() throws Exception {
        PushedImage image = registry.pusher().push("e2e/app", "1.0", ImageSpec.image().layer(fixture("base")).layer(fixture("app")));

        Stored stored = awaitFirst(s -> s.event().repository().equals("e2e/app"), Duration.ofSeconds(30));
        Thread.sleep(1500); // let the blob-push notifications that follow arrive too: they must not add records

        assertThat(stored.event().registry()).isEqualTo(registry.hostPort());
        assertThat(stored.event().tag()).isEqualTo("1.0");
        assertThat(stored.event().digest()).isEqualTo(image.manifestDigest());
        assertThat(stored.event().mediaType()).isEqualTo(image.manifestMediaType());
        assertThat(stored.key()).isEqualTo(registry.hostPort() + "/e2e/app@" + image.manifestDigest());
        assertThat(records(s -> s.event().repository().equals("e2e/app"))).hasSize(1);
    }

    @Test
    void indexPushIsOneEventAndItsUntaggedChildrenAreNotScannedTwice() throws Exception {
        PushedIndex index = registry.pusher().pushIndex("e2e/multi", "1.0", List.of(
                ImageSpec.image().layer(fixture("base")).platform("linux", "amd64", null),
                ImageSpec.image().layer(fixture("base")).layer(fixture("app")).platform("linux", "arm64", "v8")));

        Stored stored = awaitFirst(s -> s.event().repository().equals("e2e/multi"), Duration.ofSeconds(30));
        Thread.sleep(1500);

        assertThat(stored.event().digest()).isEqualTo(index.digest());
        assertThat(stored.event().tag()).isEqualTo("1.0");
        assertThat(records(s -> s.event().repository().equals("e2e/multi"))).hasSize(1);
    }

    @Test
    void registryRetriesAfterA503AndTheRetriedDeliveryLandsExactlyOnce() throws Exception {
        double failuresBefore = publishFailures();
        kafka.stop();
        PushedImage image;
        try {
            image = registry.pusher().push("e2e/retry", "1.0", ImageSpec.image().layer(fixture("base")).layer(fixture("app")));
            awaitCondition(() -> publishFailures() >= failuresBefore + 2, Duration.ofSeconds(30),
                    "ingest answering the registry's manifest notification 503 at least twice");
        } finally {
            kafka.start();
        }

        Stored stored = awaitFirst(s -> s.event().repository().equals("e2e/retry"), Duration.ofSeconds(60));
        Thread.sleep(3000); // the registry would re-send now if it had not been answered 2xx

        assertThat(stored.event().digest()).isEqualTo(image.manifestDigest());
        assertThat(records(s -> s.event().repository().equals("e2e/retry"))).as("stored exactly once").hasSize(1);
        assertThat(meters.counter("layerwatch.ingest.webhooks.rejected", "source", "distribution", "status", "503").count())
                .isGreaterThanOrEqualTo(2);
    }

    private double publishFailures() {
        return meters.counter("layerwatch.ingest.publish.failures", "source", "distribution").count();
    }

    private static List<Stored> records(Predicate<Stored> filter) {
        return ImagePushedTopic.readNow(kafka.bootstrapServers()).stream().filter(filter).toList();
    }

    private static Stored awaitFirst(Predicate<Stored> filter, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<Stored> found = records(filter);
            if (!found.isEmpty()) {
                return found.getFirst();
            }
            Thread.sleep(300);
        }
        throw new AssertionError("no matching record in " + Topics.IMAGE_PUSHED + " within " + timeout + "; registry log:\n" + registry.logs());
    }

    private static void awaitCondition(java.util.function.BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what + "; registry log:\n" + registry.logs());
            }
            Thread.sleep(100);
        }
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(DistributionRegistryIT.class.getResource("/e2e/" + name).toURI());
    }
}
