package dev.layerwatch.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerwatch.testkit.http.RecordingHttpServer;
import dev.layerwatch.testkit.net.FreePorts;
import dev.layerwatch.testkit.registry.ImageSpec;
import dev.layerwatch.testkit.registry.NotificationEndpoint;
import dev.layerwatch.testkit.registry.PushedImage;
import dev.layerwatch.testkit.registry.RegistryServerExtension;
import dev.layerwatch.engine.ecosystem.debian.DebianReleases;
import dev.layerwatch.engine.vulndb.FeedImporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.io.TempDir;
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

    private static Path vulnDb;

    /** A real snapshot, imported the way `layerwatch db import --osv` does, from the real Log4Shell GHSA record. */
    private static synchronized Path vulnDb() {
        if (vulnDb == null) {
            try {
                vulnDb = Files.createTempDirectory("e2e-vulndb");
                new FeedImporter().importInto(vulnDb, new FeedImporter.Sources(
                        List.of(Path.of("src/test/resources/standalone/osv")), List.of(), List.of(), DebianReleases.defaults()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return vulnDb;
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry props) {
        props.add("layerwatch.vulndb.dir", () -> vulnDb().toString());
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

    @Test
    void aVulnerableJarIsReportedWithItsCveAndFixedVersion(@TempDir Path rootfs) throws Exception {
        Files.createDirectories(rootfs.resolve("app"));
        writeJar(rootfs.resolve("app/log4j-core-2.14.1.jar"), "org.apache.logging.log4j", "log4j-core", "2.14.1");
        PushedImage pushed = registry.pusher().push("team/legacy", "2.0", ImageSpec.image().layer(rootfs));

        RecordingHttpServer.Request post = SLACK.await(r -> r.body().contains(pushed.manifestDigest().toString()), Duration.ofSeconds(90));

        assertThat(post.body()).contains("CVE-2021-44228").contains("log4j-core").contains("2.14.1").contains("2.15.0");
        assertThat(post.body()).containsIgnoringCase("critical");
    }

    /** A jar as Maven builds it: pom.properties under META-INF/maven/GROUP/ARTIFACT. */
    private static void writeJar(Path jar, String group, String artifact, String version) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("META-INF/maven/" + group + "/" + artifact + "/pom.properties"));
            out.write(("groupId=" + group + "\nartifactId=" + artifact + "\nversion=" + version + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            out.putNextEntry(new JarEntry("org/apache/logging/log4j/core/Placeholder.class"));
            out.write(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE});
            out.closeEntry();
        }
    }
}
