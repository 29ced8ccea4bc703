package dev.layerwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerwatch.testkit.registry.ImageSpec;
import dev.layerwatch.testkit.registry.PushedImage;
import dev.layerwatch.testkit.registry.RegistryServerExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code layerwatch sbom|scan registry:…} against the real {@code docker-registry}, anonymous and with htpasswd. */
class RegistryTargetsIT {

    @RegisterExtension
    static RegistryServerExtension open = RegistryServerExtension.builder().build();

    @RegisterExtension
    static RegistryServerExtension secured = RegistryServerExtension.builder().htpasswd("alice", "wonderland").build();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path shared;
    static Path db;
    static PushedImage debian;
    static PushedImage java;
    static PushedImage private_;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @TempDir
    Path tmp;

    @BeforeAll
    static void pushImagesAndImportDb() throws Exception {
        Path debianRootfs = Path.of(RegistryTargetsIT.class.getClassLoader().getResource("cli/debian-rootfs").toURI());
        debian = open.pusher().push("app", "1.0", ImageSpec.image().layer(debianRootfs));
        java = open.pusher().push("java/app", "2.14.1",
                ImageSpec.image().layer(ScanVulnerabilitiesTest.rootfs(shared.resolve("java"), "2.14.1", false)));
        private_ = secured.pusher().push("team/app", "1.0", ImageSpec.image().layer(debianRootfs));
        Path feeds = Path.of(RegistryTargetsIT.class.getClassLoader().getResource("vulnscan/feeds").toURI());
        db = shared.resolve("db");
        assertThat(Layerwatch.run("db", "import", "--db", db.toString(), "--osv", feeds.resolve("osv").toString())).isZero();
    }

    @BeforeEach
    void capture() {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    private int run(Map<String, String> env, String... args) {
        out.reset();
        err.reset();
        return Layerwatch.run(new Layerwatch.Context(env, tmp, false), args);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static String target(PushedImage image) {
        return "registry:" + image.tagReference();
    }

    @Test
    void sbomOfALoopbackRegistryImageOverPlainHttp() {
        assertThat(run(Map.of(), "sbom", target(debian), "--format", "json")).as(stderr()).isZero();
        JsonNode doc = JSON.readTree(out.toByteArray());
        assertThat(doc.path("image").asString()).isEqualTo(open.hostPort() + "/app:1.0");
        assertThat(doc.path("manifestDigest").asString()).isEqualTo(debian.manifestDigest().toString());
        JsonNode libc = doc.path("packages").valueStream().filter(p -> p.path("name").asString().equals("libc6")).findFirst().orElseThrow();
        assertThat(libc.path("layer").asString()).isEqualTo(debian.layerDigests().getFirst().toString());
        assertThat(doc.path("findings").isEmpty()).isTrue();
    }

    @Test
    void scanWithDbReportsLog4ShellInThePushedLayer() {
        assertThat(run(Map.of(), "scan", target(java), "--db", db.toString(), "--format", "json", "--exit-code", "1"))
                .as(stderr()).isEqualTo(1);
        JsonNode finding = JSON.readTree(out.toByteArray()).path("findings").get(0);
        assertThat(finding.path("id").asString()).isEqualTo("CVE-2021-44228");
        assertThat(finding.path("severity").asString()).isEqualTo("CRITICAL");
        assertThat(finding.path("layer").asString()).isEqualTo(java.layerDigests().getFirst().toString());
    }

    @Test
    void aMissingTagIsOneLineAndExitTwo() {
        assertThat(run(Map.of(), "sbom", "registry:" + open.hostPort() + "/app:9.9")).isEqualTo(2);
        assertThat(stderr().lines().toList()).singleElement().asString()
                .startsWith("layerwatch: cannot read " + open.hostPort() + "/app:9.9: registry " + open.hostPort());
        assertThat(out.size()).isZero();
    }

    @Test
    void credentialsComeFromOptionsEnvironmentOrDockerConfig() throws Exception {
        String image = target(private_);
        assertThat(run(Map.of(), "sbom", image, "--format", "json")).isEqualTo(2);
        assertThat(stderr().lines().toList()).singleElement().asString().startsWith("layerwatch: cannot read ")
                .contains(secured.hostPort()).contains("credentials missing or refused");

        assertThat(run(Map.of(), "sbom", image, "--format", "json", "--username", "alice", "--password", "wonderland"))
                .as(stderr()).isZero();
        assertThat(JSON.readTree(out.toByteArray()).path("manifestDigest").asString()).isEqualTo(private_.manifestDigest().toString());

        assertThat(run(Map.of("LAYERWATCH_REGISTRY_USERNAME", "alice", "LAYERWATCH_REGISTRY_PASSWORD", "wonderland"),
                "sbom", image, "--format", "json")).as(stderr()).isZero();

        Path dockerConfig = Files.createDirectories(tmp.resolve("docker"));
        String auth = Base64.getEncoder().encodeToString("alice:wonderland".getBytes(StandardCharsets.UTF_8));
        Files.writeString(dockerConfig.resolve("config.json"),
                "{\"auths\": {\"" + secured.hostPort() + "\": {\"auth\": \"" + auth + "\"}}}");
        assertThat(run(Map.of("DOCKER_CONFIG", dockerConfig.toString()), "sbom", image, "--format", "json")).as(stderr()).isZero();

        List<String> wrong = new ArrayList<>(List.of("sbom", image, "--username", "alice", "--password", "looking-glass"));
        assertThat(run(Map.of("DOCKER_CONFIG", dockerConfig.toString()), wrong.toArray(String[]::new))).isEqualTo(2);
        assertThat(stderr().lines().toList()).singleElement().asString().contains(secured.hostPort())
                .contains("credentials missing or refused").doesNotContain("looking-glass");
    }
}
