package dev.layerwatch.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerwatch.testkit.net.FreePorts;
import dev.layerwatch.testkit.registry.ImageSpec;
import dev.layerwatch.testkit.registry.NotificationEndpoint;
import dev.layerwatch.testkit.registry.PushedImage;
import dev.layerwatch.testkit.registry.RegistryServerExtension;
import dev.layerwatch.engine.ecosystem.debian.DebianReleases;
import dev.layerwatch.engine.vulndb.FeedImporter;
import dev.layerwatch.notify.FakeHttpServer;
import dev.layerwatch.notify.jira.FakeJiraApi;
import dev.layerwatch.notify.slack.FakeSlackApi;
import dev.layerwatch.notify.jira.JiraFlavor;
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
// closed after the class: a cached standalone would keep consuming the shared broker's topics in later classes
@org.springframework.test.annotation.DirtiesContext
class RegistryPushToSlackIT {

    static {
        TestDataDir.ensure();
    }


    private static final String TOKEN = "e2e-webhook-token";
    private static final int APP_PORT = FreePorts.next();
    private static final FakeSlackApi SLACK = new FakeSlackApi();
    private static final FakeJiraApi JIRA = new FakeJiraApi(JiraFlavor.CLOUD);

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
        props.add("layerwatch.vulndb.update.enabled", () -> "false"); // the public feeds are not loopback
        props.add("server.port", () -> APP_PORT);
        props.add("layerwatch.ingest.distribution.token", () -> TOKEN);
        props.add("layerwatch.registries[0].host", registry::hostPort);
        props.add("layerwatch.registries[0].insecure", () -> "true");
        props.add("layerwatch.notify.slack.webhook-url", () -> SLACK.webhookUrl().toString());
        props.add("layerwatch.notify.jira.base-url", JIRA::baseUrl);
        props.add("layerwatch.notify.jira.email", () -> FakeJiraApi.EMAIL);
        props.add("layerwatch.notify.jira.api-token", () -> FakeJiraApi.API_TOKEN);
        props.add("layerwatch.notify.jira.project-key", () -> FakeJiraApi.PROJECT);
        props.add("layerwatch.notify.jira.close-when-fixed", () -> "true");
    }

    @AfterAll
    static void stopFakes() {
        SLACK.close();
        JIRA.close();
    }

    @Test
    void aPushedImageEndsAsOneSlackMessage() throws Exception {
        PushedImage pushed = registry.pusher().push("team/app", "1.0",
                ImageSpec.image().layer(Path.of("src/test/resources/standalone/rootfs-app")));

        FakeHttpServer.Request post = SlackPosts.await(SLACK, r -> r.body().contains(pushed.manifestDigest().toString()), Duration.ofSeconds(90));

        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.path()).isEqualTo(FakeSlackApi.WEBHOOK_PATH);
        assertThat(post.answeredWith()).as("the fake checks Block Kit limits").isEqualTo(200);
        assertThat(post.header("Content-Type")).startsWith("application/json");
        JsonNode body = JsonMapper.builder().build().readTree(post.body());
        assertThat(body.path("text").asString()).contains("team/app");
        assertThat(body.path("blocks").isArray()).isTrue();
        assertThat(body.path("blocks").size()).isBetween(1, 50);
        assertThat(post.body()).contains(registry.hostPort() + "/team/app");

        // the registry delivered one push event for the manifest; nothing else may produce a second message
        Thread.sleep(3000);
        assertThat(SLACK.server().requests()).filteredOn(r -> r.body().contains(pushed.manifestDigest().toString())).hasSize(1);
    }

    @Test
    void aVulnerableJarIsReportedWithItsCveAndFixedVersion(@TempDir Path rootfs) throws Exception {
        Files.createDirectories(rootfs.resolve("app"));
        writeJar(rootfs.resolve("app/log4j-core-2.14.1.jar"), "org.apache.logging.log4j", "log4j-core", "2.14.1");
        PushedImage pushed = registry.pusher().push("team/legacy", "2.0", ImageSpec.image().layer(rootfs));

        FakeHttpServer.Request post = SlackPosts.await(SLACK, r -> r.body().contains(pushed.manifestDigest().toString()), Duration.ofSeconds(90));

        assertThat(post.body()).contains("CVE-2021-44228").contains("log4j-core").contains("2.14.1").contains("2.15.0");
        assertThat(post.body()).containsIgnoringCase("critical");
    }

    @Test
    void aJiraTicketIsCreatedOnceCommentedForANewTagAndClosedWhenAFixedImageIsPushed(@TempDir Path vulnerable, @TempDir Path fixed)
            throws Exception {
        Files.createDirectories(vulnerable.resolve("app"));
        writeJar(vulnerable.resolve("app/log4j-core-2.14.1.jar"), "org.apache.logging.log4j", "log4j-core", "2.14.1");
        Files.createDirectories(fixed.resolve("app"));
        writeJar(fixed.resolve("app/log4j-core-2.17.1.jar"), "org.apache.logging.log4j", "log4j-core", "2.17.1");

        PushedImage first = registry.pusher().push("team/lifecycle", "1.0", ImageSpec.image().layer(vulnerable));
        SlackPosts.await(SLACK, r -> r.body().contains(first.manifestDigest().toString()), Duration.ofSeconds(90));
        FakeJiraApi.Issue ticket = awaitOne(() -> lifecycleTickets(), Duration.ofSeconds(60));
        assertThat(ticket.fields.path("summary").asString()).contains("CVE-2021-44228");
        assertThat(ticket.status).isEqualTo("To Do");

        // the same image under a second tag: a comment on the same ticket, no new ticket
        registry.pusher().push("team/lifecycle", "1.1", ImageSpec.image().layer(vulnerable));
        awaitTrue(() -> !ticket.comments.isEmpty(), Duration.ofSeconds(90));
        assertThat(lifecycleTickets()).hasSize(1);

        // a newer push without the vulnerable jar: the ticket is closed
        registry.pusher().push("team/lifecycle", "2.0", ImageSpec.image().layer(fixed));
        awaitTrue(() -> ticket.status.equals("Done"), Duration.ofSeconds(90));
        assertThat(lifecycleTickets()).hasSize(1);
    }

    private static List<FakeJiraApi.Issue> lifecycleTickets() {
        return JIRA.issues().stream().filter(i -> i.fields.toString().contains("team/lifecycle")).toList();
    }

    private static FakeJiraApi.Issue awaitOne(java.util.function.Supplier<List<FakeJiraApi.Issue>> issues, Duration timeout) throws InterruptedException {
        awaitTrue(() -> !issues.get().isEmpty(), timeout);
        assertThat(issues.get()).hasSize(1);
        return issues.get().getFirst();
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout + "; Jira holds " + JIRA.issues().size() + " issue(s)");
            }
            Thread.sleep(100);
        }
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
