package dev.layerwatch.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerwatch.testkit.http.RecordingHttpServer;
import dev.layerwatch.testkit.net.FreePorts;
import dev.layerwatch.testkit.registry.ImageSpec;
import dev.layerwatch.testkit.registry.NotificationEndpoint;
import dev.layerwatch.testkit.registry.PushedImage;
import dev.layerwatch.testkit.registry.RegistryServerExtension;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The walking skeleton on real components: a real docker-registry push notifies the standalone's webhook
 * (bearer token), ingest writes image-pushed.v1 to the embedded KRaft broker, scan-service pulls the manifest,
 * config and layers from the registry and publishes scan-completed.v1, and notify-service posts a Block Kit
 * message to a Slack-compatible endpoint. Redis (a real redis-server) dedupes the registry's event ids.
 */
@SpringBootTest(classes = StandaloneApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class RegistryPushToSlackIT {

    private static final String TOKEN = "e2e-webhook-token";
    private static final int APP_PORT = FreePorts.next();
    private static final RecordingHttpServer SLACK = RecordingHttpServer.start();

    @RegisterExtension
    static RegistryServerExtension registry = RegistryServerExtension.builder()
            .notify(NotificationEndpoint.to(URI.create("http://127.0.0.1:" + APP_PORT + "/webhooks/distribution"),
                            Map.of("Authorization", "Bearer " + TOKEN))
                    .withTimeout(Duration.ofSeconds(10))
                    .withBackoff(Duration.ofMillis(500)))
            .build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry props) {
        props.add("server.port", () -> APP_PORT);
        props.add("layerwatch.ingest.distribution.token", () -> TOKEN);
        props.add("layerwatch.registries[0].host", registry::hostPort);
        props.add("layerwatch.registries[0].insecure", () -> "true");
        props.add("layerwatch.notify.slack.webhook-url", () -> SLACK.uri("/services/T000/B000/XXXX").toString());
    }

    @AfterAll
    static void stopSlack() {
        SLACK.close();
    }

    @Test
    void aPushedImageEndsAsOneSlackMessage() throws Exception {
        PushedImage pushed = registry.pusher().push("team/app", "1.0",
                ImageSpec.image().layer(Path.of("src/test/resources/standalone/rootfs-app")));

        RecordingHttpServer.Request post = SLACK.await(r -> r.body().contains(pushed.manifestDigest().toString()), Duration.ofSeconds(90));

        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.path()).isEqualTo("/services/T000/B000/XXXX");
        assertThat(post.header("Content-Type")).startsWith("application/json");
        JsonNode body = JsonMapper.builder().build().readTree(post.body());
        assertThat(body.path("text").asString()).contains("team/app");
        assertThat(body.path("blocks").isArray()).isTrue();
        assertThat(body.path("blocks").size()).isBetween(1, 50);
        assertThat(post.body()).contains(registry.hostPort() + "/team/app");

        // the registry delivered one push event for the manifest; nothing else may produce a second message
        Thread.sleep(3000);
        assertThat(SLACK.requests()).filteredOn(r -> r.body().contains(pushed.manifestDigest().toString())).hasSize(1);
    }
}
