package dev.layerwatch.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerwatch.notify.FakeHttpServer;
import dev.layerwatch.notify.slack.FakeSlackApi;
import dev.layerwatch.testkit.net.FreePorts;
import dev.layerwatch.testkit.registry.ImageSpec;
import dev.layerwatch.testkit.registry.NotificationEndpoint;
import dev.layerwatch.testkit.registry.PushedImage;
import dev.layerwatch.testkit.registry.RegistryServerExtension;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Not part of the suite (surefire runs *Test and *IT): {@code bench/push-to-notification.sh} runs it. Pushes 20
 * distinct images to a real docker-registry one after another and measures, for each, the time from the end of
 * the manifest PUT to the Slack POST arriving, through the whole standalone (webhook, Kafka, scan, notify).
 */
@SpringBootTest(classes = StandaloneApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class PushToNotificationBenchmark {

    private static final int PUSHES = Integer.getInteger("pushes", 20);
    private static final String TOKEN = "bench-token";
    private static final int APP_PORT = FreePorts.next();
    private static final FakeSlackApi SLACK = new FakeSlackApi();

    @RegisterExtension
    static RegistryServerExtension registry = RegistryServerExtension.builder()
            .notify(NotificationEndpoint.to(URI.create("http://127.0.0.1:" + APP_PORT + "/webhooks/distribution"),
                    Map.of("Authorization", "Bearer " + TOKEN)).withTimeout(Duration.ofSeconds(10)).withBackoff(Duration.ofMillis(200)))
            .build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry props) {
        props.add("server.port", () -> APP_PORT);
        props.add("layerwatch.vulndb.update.enabled", () -> "false"); // the public feeds are not loopback
        props.add("layerwatch.ingest.distribution.token", () -> TOKEN);
        props.add("layerwatch.registries[0].host", registry::hostPort);
        props.add("layerwatch.registries[0].insecure", () -> "true");
        props.add("layerwatch.notify.slack.webhook-url", () -> SLACK.webhookUrl().toString());
    }

    @AfterAll
    static void stopSlack() {
        SLACK.close();
    }

    @Test
    void pushToSlackLatency() throws Exception {
        // one warm-up push: JIT, Kafka consumer group join, first connections
        pushAndWait("warmup", 0);
        List<Long> millis = new ArrayList<>();
        for (int i = 1; i <= PUSHES; i++) {
            // Slack allows about one message per second per channel and notify-service's rate limiter keeps to it:
            // pushes spaced wider than that measure the pipeline, not the limiter's wait
            Thread.sleep(1500);
            millis.add(pushAndWait("bench", i));
        }
        Collections.sort(millis);
        long median = PUSHES % 2 == 1 ? millis.get(PUSHES / 2) : (millis.get(PUSHES / 2 - 1) + millis.get(PUSHES / 2)) / 2;
        String line = String.format("push-to-slack over %d pushes: median %d ms, min %d ms, p90 %d ms, max %d ms",
                PUSHES, median, millis.getFirst(), millis.get((int) Math.ceil(PUSHES * 0.9) - 1), millis.getLast());
        System.out.println("BENCHMARK " + line);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/push-to-notification.txt"), line + "\n" + millis + "\n");
        assertThat(millis).hasSize(PUSHES);
    }

    private long pushAndWait(String name, int i) throws Exception {
        Path rootfs = Files.createTempDirectory("bench-rootfs");
        Files.createDirectories(rootfs.resolve("etc"));
        Files.writeString(rootfs.resolve("etc/os-release"), "ID=alpine\nVERSION_ID=3.18.4\n");
        Files.writeString(rootfs.resolve("etc/build-" + i), "build " + i + " " + System.nanoTime());
        PushedImage pushed = registry.pusher().push("bench/" + name, "v" + i, ImageSpec.image().layer(rootfs));
        long pushedAt = System.nanoTime();
        FakeHttpServer.Request post = SlackPosts.await(SLACK, r -> r.body().contains(pushed.manifestDigest().toString()), Duration.ofMinutes(2));
        return (post.receivedNanos() - pushedAt) / 1_000_000;
    }
}
