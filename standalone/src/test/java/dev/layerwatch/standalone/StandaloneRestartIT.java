package dev.layerwatch.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerwatch.common.event.Topics;
import dev.layerwatch.embedded.ChildProcessFile;
import dev.layerwatch.engine.ecosystem.debian.DebianReleases;
import dev.layerwatch.engine.vulndb.FeedImporter;
import dev.layerwatch.notify.slack.FakeSlackApi;
import dev.layerwatch.testkit.net.FreePorts;
import dev.layerwatch.testkit.registry.ImageSpec;
import dev.layerwatch.testkit.registry.NotificationEndpoint;
import dev.layerwatch.testkit.registry.PushedImage;
import dev.layerwatch.testkit.registry.RegistryServerExtension;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability of the standalone on real processes: the application in its own JVM on a data directory, a real
 * docker-registry notifying its webhook, notify-service's Slack fake. Pushes answered 202 (their event is in the
 * broker's log) but not yet announced when the JVM is killed — SIGKILL or SIGTERM — or when redis-server is
 * killed are all announced exactly once afterwards. One data directory and three JVM starts for the three cases, in
 * order (a start takes up to two minutes on a loaded CI machine). Shortened for CI: {@code -Drestart.pushes}
 * (default 6; bench/faults.d runs 10).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneRestartIT {

    private static final int PUSHES = Integer.getInteger("restart.pushes", 6);
    private static final Duration ANNOUNCE_TIMEOUT = Duration.ofSeconds(240);
    private static final String TOKEN = "restart-webhook-token";
    private static final int APP_PORT = FreePorts.next();
    private static final int KAFKA_PORT = FreePorts.next();
    private static final FakeSlackApi SLACK = new FakeSlackApi();

    @RegisterExtension
    static RegistryServerExtension registry = RegistryServerExtension.builder()
            .notify(NotificationEndpoint.to(URI.create("http://127.0.0.1:" + APP_PORT + "/webhooks/distribution"),
                            Map.of("Authorization", "Bearer " + TOKEN))
                    .withTimeout(Duration.ofSeconds(10))
                    .withBackoff(Duration.ofMillis(500)))
            .build();

    private static Path vulnDb;
    private static Path dataDir;
    private static StandaloneProcess app;
    private static final List<StandaloneProcess> started = new ArrayList<>();

    @BeforeAll
    static void importVulnDb(@TempDir Path dir) throws IOException {
        dataDir = dir.resolve("data");
        vulnDb = dir.resolve("vulndb");
        new FeedImporter().importInto(vulnDb, new FeedImporter.Sources(
                List.of(Path.of("src/test/resources/standalone/osv")), List.of(), List.of(), DebianReleases.defaults()));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        for (StandaloneProcess p : started) {
            p.close();
        }
        // a redis-server orphaned by a kill -9 whose restart did not happen (a failed test) is stopped like at start-up
        new ChildProcessFile(dataDir.resolve("redis/redis-server.pid")).sweep();
        SLACK.close();
    }

    @Test
    @Order(1)
    void killMinus9WithPushesInFlightThenRestartAnnouncesEachOnce() throws Exception {
        StandaloneProcess first = standalone("1-before-kill9").start();
        Set<String> inFlight;
        long redisBefore = redisPid();
        List<PushedImage> pushed = new CopyOnWriteArrayList<>();
        try (AcceptedEvents accepted = new AcceptedEvents(KAFKA_PORT); ExecutorService pusher = Executors.newSingleThreadExecutor()) {
            Future<?> pushing = pusher.submit(() -> {
                for (int i = 0; i < PUSHES; i++) {
                    pushed.addAll(pushConcurrently("kill9-" + i, 1));
                }
                return null;
            });
            // kill the moment one push is answered 202 (its event is in the broker log) but not yet announced
            inFlight = Set.of();
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (inFlight.isEmpty() && System.nanoTime() < deadline) {
                List<PushedImage> sofar = List.copyOf(pushed);
                Set<String> notAnnounced = new HashSet<>(accepted.poll(sofar));
                notAnnounced.removeAll(announcedDigests(sofar));
                inFlight = notAnnounced;
            }
            first.kill9();
            pushing.get();
        }
        assertThat(inFlight).as("the kill must find pushes answered 202 (in the broker log) but not yet announced").isNotEmpty();
        assertThat(alive(redisBefore)).as("kill -9 leaves the JVM's redis-server child running").isTrue();

        app = standalone("2-after-kill9").start();
        assertThat(alive(redisBefore)).as("the orphaned redis-server is stopped at start-up").isFalse();
        assertEachAnnouncedOnce(pushed);
    }

    @Test
    @Order(2)
    void sigtermWithPushesInFlightKeepsTheBrokerLogStopsRedisAndRestartAnnouncesEachOnce() throws Exception {
        List<PushedImage> pushed = pushConcurrently("sigterm", PUSHES);
        Thread.sleep(150);
        long redisBefore = redisPid();
        app.sigterm();

        assertThat(alive(redisBefore)).as("redis-server stopped with the JVM").isFalse();
        assertThat(dataDir.resolve("kafka/meta.properties")).as("a graceful shutdown keeps the broker log").exists();
        try (Stream<Path> dirs = Files.list(dataDir.resolve("kafka"))) {
            assertThat(dirs.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith(Topics.IMAGE_PUSHED + "-"));
        }

        app = standalone("3-after-sigterm").start();
        assertEachAnnouncedOnce(pushed);
    }

    @Test
    @Order(3)
    void redisKilledWhilePushesAreInFlightIsRestartedAndNothingIsLostOrRepeated() throws Exception {
        List<PushedImage> pushed = new ArrayList<>(pushConcurrently("rediskill-a", PUSHES / 2));
        long redisBefore = redisPid();
        ProcessHandle.of(redisBefore).orElseThrow().destroyForcibly();
        pushed.addAll(pushConcurrently("rediskill-b", PUSHES - PUSHES / 2));

        assertEachAnnouncedOnce(pushed);
        long redisAfter = redisPid();
        assertThat(redisAfter).as("the watchdog started a new redis-server").isNotEqualTo(redisBefore);
        assertThat(alive(redisAfter)).isTrue();
    }

    private static StandaloneProcess standalone(String name) {
        StandaloneProcess p = new StandaloneProcess(APP_PORT, List.of(
                "--server.port=" + APP_PORT,
                "--layerwatch.standalone.data-dir=" + dataDir,
                "--layerwatch.standalone.kafka.port=" + KAFKA_PORT,
                "--layerwatch.vulndb.dir=" + vulnDb,
                "--layerwatch.vulndb.update.enabled=false",
                "--layerwatch.ingest.distribution.token=" + TOKEN,
                "--layerwatch.registries[0].host=" + registry.hostPort(),
                "--layerwatch.registries[0].insecure=true",
                "--layerwatch.notify.slack.webhook-url=" + SLACK.webhookUrl(),
                // one scan at a time, so a burst of pushes queues up behind it
                "--spring.cloud.stream.bindings.scanImage-in-0.consumer.concurrency=1"),
                Path.of("target/standalone-it/" + name + ".log"));
        started.add(p);
        return p;
    }

    /** Distinct images (one file naming the image), pushed all at once. */
    private static List<PushedImage> pushConcurrently(String repo, int count) throws Exception {
        List<Callable<PushedImage>> pushes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path rootfs = Files.createTempDirectory("restart-it");
            Files.createDirectories(rootfs.resolve("app"));
            Files.writeString(rootfs.resolve("app/id.txt"), repo + "-" + i + "-" + UUID.randomUUID(), StandardCharsets.UTF_8);
            String tag = "v" + i;
            pushes.add(() -> registry.pusher().push("restart/" + repo, tag, ImageSpec.image().layer(rootfs)));
        }
        List<PushedImage> out = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(count)) {
            for (Future<PushedImage> f : pool.invokeAll(pushes)) {
                out.add(f.get());
            }
        }
        return out;
    }

    private static Set<String> announcedDigests(List<PushedImage> pushed) {
        Set<String> out = new HashSet<>();
        pushed.stream().filter(p -> announced(p) > 0).forEach(p -> out.add(p.manifestDigest().toString()));
        return out;
    }

    private static long announced(PushedImage image) {
        String digest = image.manifestDigest().toString();
        return SLACK.server().requests(r -> r.answeredWith() == 200 && r.body().contains(digest)).size();
    }

    private static void assertEachAnnouncedOnce(List<PushedImage> pushed) throws InterruptedException {
        long deadline = System.nanoTime() + ANNOUNCE_TIMEOUT.toNanos();
        while (pushed.stream().anyMatch(p -> announced(p) == 0) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        // give a duplicate the time to show up
        Thread.sleep(5000);
        for (PushedImage p : pushed) {
            assertThat(announced(p)).as("Slack posts for %s@%s (log %s)", p.repository(), p.manifestDigest(),
                    app == null ? "-" : app.log()).isEqualTo(1);
        }
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static long redisPid() throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("redis/redis-server.pid")).getFirst().trim());
    }
}
