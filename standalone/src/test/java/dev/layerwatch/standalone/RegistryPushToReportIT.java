package dev.layerwatch.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerwatch.cli.server.ImageCommand;
import dev.layerwatch.cli.server.ImagesCommand;
import dev.layerwatch.engine.ecosystem.debian.DebianReleases;
import dev.layerwatch.engine.vulndb.FeedImporter;
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
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 12's "done when" on real components: images pushed to a real docker-registry are scanned by the standalone,
 * stored by its report-service in the embedded PostgreSQL, and the CLI's {@code images affected} and
 * {@code images with --range} list java-app's three log4j-core copies and not the whiteout image's 2.17.1 — before and
 * after a restart of the standalone (and of its PostgreSQL) on the same data directory.
 */
class RegistryPushToReportIT {

    private static final String TOKEN = "report-e2e-webhook";
    private static final String API_TOKEN = "report-e2e-read";
    private static final int APP_PORT = FreePorts.next();
    private static final List<String> JAVA_APP_PATHS = List.of("/app/lib/log4j-core-2.14.1.jar",
            "/app/vulnapp.jar!/BOOT-INF/lib/log4j-core-2.14.1.jar", "/app/vulnapp-shaded.jar");

    @RegisterExtension
    static RegistryServerExtension registry = RegistryServerExtension.builder()
            .notify(NotificationEndpoint.to(URI.create("http://127.0.0.1:" + APP_PORT + "/webhooks/distribution"),
                            Map.of("Authorization", "Bearer " + TOKEN))
                    .withTimeout(Duration.ofSeconds(10))
                    .withBackoff(Duration.ofMillis(500)))
            .build();

    private ConfigurableApplicationContext start(Path vulnDb, Path pgData) {
        return new SpringApplicationBuilder(StandaloneApplication.class).run(
                "--server.port=" + APP_PORT,
                "--layerwatch.vulndb.dir=" + vulnDb,
                "--layerwatch.ingest.distribution.token=" + TOKEN,
                "--layerwatch.registries[0].host=" + registry.hostPort(),
                "--layerwatch.registries[0].insecure=true",
                "--layerwatch.standalone.postgres.data-dir=" + pgData,
                "--layerwatch.report.tokens[0].name=e2e",
                "--layerwatch.report.tokens[0].token=" + API_TOKEN,
                "--layerwatch.report.tokens[0].role=read");
    }

    @Test
    void imagesAffectedAndImagesWithListJavaAppsThreeLog4jCopiesAndSurviveARestart(@TempDir Path work) throws Exception {
        Path vulnDb = Files.createDirectories(work.resolve("vulndb"));
        new FeedImporter().importInto(vulnDb, new FeedImporter.Sources(
                List.of(Path.of("src/test/resources/standalone/osv")), List.of(), List.of(), DebianReleases.defaults()));
        Path pgBase = Files.createTempDirectory("lw-report-e2e-");
        Files.setPosixFilePermissions(pgBase, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path pgData = pgBase.resolve("postgres");
        // another test class of this JVM may have started the embedded PostgreSQL elsewhere: this test owns its data directory
        EmbeddedInfrastructure.stopPostgres();

        Path javaApp = javaAppRootfs(work.resolve("java-app"));
        Path upper = Files.createDirectories(work.resolve("whiteout-upper/app/lib")).getParent().getParent();
        Files.createFile(upper.resolve("app/lib/.wh.log4j-core-2.14.1.jar"));
        writeJar(upper.resolve("app/lib/log4j-core-2.17.1.jar"), "log4j-core", "2.17.1");

        try (ConfigurableApplicationContext first = start(vulnDb, pgData)) {
            PushedImage java = registry.pusher().push("real/java-app", "1.0", ImageSpec.image().layer(javaApp));
            PushedImage whiteout = registry.pusher().push("real/whiteout", "1.0", ImageSpec.image().layer(javaApp).layer(upper));
            awaitReport("real/java-app:1.0");
            awaitReport("real/whiteout:1.0");
            assertDoneWhen(java, whiteout);
        }
        EmbeddedInfrastructure.stopPostgres();
        try (ConfigurableApplicationContext second = start(vulnDb, pgData)) {
            assertDoneWhen(null, null);
        }
    }

    private void assertDoneWhen(PushedImage java, PushedImage whiteout) throws Exception {
        JsonNode affected = cliJson("images", "affected", "CVE-2021-44228");
        assertThat(pathsOf(affected, "real/java-app")).containsExactlyInAnyOrderElementsOf(JAVA_APP_PATHS);
        assertThat(versions(affected, "packageVersion")).doesNotContain("2.17.1");
        assertThat(pathsOf(affected, "real/whiteout")).doesNotContain("/app/lib/log4j-core-2.17.1.jar", "/app/lib/log4j-core-2.14.1.jar");

        JsonNode with = cliJson("images", "with", "pkg:maven/org.apache.logging.log4j/log4j-core", "--range", "<2.17.1");
        assertThat(pathsOf(with, "real/java-app")).containsExactlyInAnyOrderElementsOf(JAVA_APP_PATHS);
        assertThat(versions(with, "version")).containsOnly("2.14.1");

        JsonNode report = cliJson("image", "report", "real/java-app:1.0");
        assertThat(report.path("findings").size()).isGreaterThanOrEqualTo(3);
        if (java != null) {
            assertThat(report.path("image").path("digest").asString()).isEqualTo(java.manifestDigest().toString());
        }
        String table = cli("images", "affected", "CVE-2021-44228", "--format", "table");
        assertThat(table).startsWith("IMAGE").contains(registry.hostPort() + "/real/java-app:1.0").contains("/app/vulnapp-shaded.jar");
    }

    private void awaitReport(String ref) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            try {
                cliJson("image", "report", ref);
                return;
            } catch (AssertionError notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(500);
            }
        }
    }

    private static List<String> pathsOf(JsonNode items, String repository) {
        List<String> paths = new ArrayList<>();
        items.forEach(i -> {
            if (i.path("repository").asString().equals(repository)) {
                paths.add(i.path("path").asString());
            }
        });
        return paths;
    }

    private static List<String> versions(JsonNode items, String field) {
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(i.path(field).asString()));
        return out;
    }

    private JsonNode cliJson(String... args) {
        String out = cli(append(args, "--format", "json"));
        return JsonMapper.builder().build().readTree(out);
    }

    private static String[] append(String[] args, String... more) {
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }

    /** Runs the real CLI in this JVM against the standalone's API and returns what it printed. */
    private synchronized String cli(String... args) {
        String[] all = append(args, "--server", "http://127.0.0.1:" + APP_PORT, "--token", API_TOKEN);
        // the command objects themselves, printing to a writer of ours (the standalone's logs also go to System.out)
        Object command = args[0].equals("images") ? new ImagesCommand() : new ImageCommand();
        java.io.StringWriter captured = new java.io.StringWriter();
        picocli.CommandLine cli = new picocli.CommandLine(command);
        cli.setOut(new java.io.PrintWriter(captured, true));
        int exit = cli.execute(java.util.Arrays.copyOfRange(all, 1, all.length));
        String out = captured.toString();
        assertThat(exit).as("layerwatch " + String.join(" ", args) + " printed: " + out).isZero();
        return out;
    }

    /** java-app as the real-image recipe builds it: log4j-core 2.14.1 as a plain jar, inside a Spring Boot fat jar, and shaded. */
    private static Path javaAppRootfs(Path root) throws IOException {
        Files.createDirectories(root.resolve("app/lib"));
        writeJar(root.resolve("app/lib/log4j-core-2.14.1.jar"), "log4j-core", "2.14.1");
        Path nested = root.resolve("nested.tmp");
        writeJar(nested, "log4j-core", "2.14.1");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(root.resolve("app/vulnapp.jar")))) {
            pom(out, "com.example", "vulnapp", "1.0.0");
            out.putNextEntry(new JarEntry("BOOT-INF/lib/log4j-core-2.14.1.jar"));
            out.write(Files.readAllBytes(nested));
            out.closeEntry();
        }
        Files.delete(nested);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(root.resolve("app/vulnapp-shaded.jar")))) {
            pom(out, "com.example", "vulnapp-shaded", "1.0.0");
            pom(out, "org.apache.logging.log4j", "log4j-core", "2.14.1");
        }
        return root;
    }

    private static void writeJar(Path jar, String artifact, String version) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            pom(out, "org.apache.logging.log4j", artifact, version);
            out.putNextEntry(new JarEntry("org/apache/logging/log4j/core/Placeholder.class"));
            out.write(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE});
            out.closeEntry();
        }
    }

    private static void pom(JarOutputStream out, String group, String artifact, String version) throws IOException {
        out.putNextEntry(new JarEntry("META-INF/maven/" + group + "/" + artifact + "/pom.properties"));
        out.write(("groupId=" + group + "\nartifactId=" + artifact + "\nversion=" + version + "\n").getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}
