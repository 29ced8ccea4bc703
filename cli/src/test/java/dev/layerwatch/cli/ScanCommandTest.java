package dev.layerwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ScanCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

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

    private static Path rootfs() throws Exception {
        return Path.of(ScanCommandTest.class.getClassLoader().getResource("cli/debian-rootfs").toURI());
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void scanWritesTheJsonDocumentOfARootfs(@TempDir Path tmp) throws Exception {
        Path report = tmp.resolve("report.json");
        int code = Layerwatch.run("scan", "dir:" + rootfs(), "--format", "json", "--output", report.toString());
        assertThat(code).as(stderr()).isZero();
        JsonNode doc = JsonMapper.builder().build().readTree(Files.readAllBytes(report));
        assertThat(doc.path("os").path("id").asString()).isEqualTo("debian");
        assertThat(doc.path("os").path("versionId").asString()).isEqualTo("12");
        assertThat(doc.path("packages").valueStream().map(p -> p.path("name").asString() + "@" + p.path("version").asString()).toList())
                .contains("libc6@2.36-9+deb12u7", "vim-tiny@2:9.0.1378-2", "left-pad@1.3.0");
        JsonNode libc = doc.path("packages").valueStream().filter(p -> p.path("name").asString().equals("libc6")).findFirst().orElseThrow();
        assertThat(libc.path("purl").asString()).startsWith("pkg:deb/debian/libc6@").contains("distro=debian-12");
        assertThat(libc.path("source").asString()).isEqualTo("glibc");
        assertThat(stderr()).isEmpty();
    }

    @Test
    void sbomWritesValidCycloneDxToStdout() throws Exception {
        int code = Layerwatch.run("sbom", "dir:" + rootfs());
        assertThat(code).as(stderr()).isZero();
        byte[] bom = out.toByteArray();
        assertThat(new JsonParser().validate(bom, Version.VERSION_16)).isEmpty();
        assertThat(new JsonParser().parse(bom).getComponents()).anySatisfy(c -> assertThat(c.getPurl()).contains("pkg:deb/debian/libc6"));
    }

    @Test
    void theTableIsTheDefaultForScan() throws Exception {
        assertThat(Layerwatch.run("scan", "dir:" + rootfs())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Debian GNU/Linux 12 (bookworm)").containsPattern("libc6\\s+2\\.36");
    }

    @Test
    void badArgumentsAndUnreadableTargetsExitWithTwoAndOneLine(@TempDir Path tmp) throws Exception {
        assertThat(Layerwatch.run("scan")).isEqualTo(2);
        assertThat(stderr().lines().toList()).singleElement().asString().startsWith("layerwatch: ").contains("TARGET");
        err.reset();

        assertThat(Layerwatch.run("scan", "--format", "sarif", "dir:" + rootfs())).isEqualTo(2);
        assertThat(stderr().lines().toList()).singleElement().asString().contains("unknown report format 'sarif'");
        err.reset();

        assertThat(Layerwatch.run("scan", "docker-archive:" + tmp.resolve("missing.tar"))).isEqualTo(2);
        assertThat(stderr().lines().toList()).singleElement().asString().contains("cannot read docker-archive:").contains("missing.tar");
        err.reset();

        assertThat(Layerwatch.run("sbom", "--platform", "linux", "dir:" + rootfs())).isEqualTo(2);
        assertThat(stderr().lines().toList()).singleElement().asString().contains("invalid platform 'linux'");
        err.reset();

        assertThat(Layerwatch.run("scan", "registry:127.0.0.1:5000/app:1.0")).isEqualTo(2);
        assertThat(stderr().lines().toList()).singleElement().asString().contains("registry targets are not available");
        assertThat(out.size()).isZero();
    }
}
