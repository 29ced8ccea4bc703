package dev.layerwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Never silently wrong" at the CLI: a layer that cannot be read makes the scan INCOMPLETE (named, exit 4,
 * whatever --exit-code says), and a gate without a DB does not pass (exit 3). OCI layouts are written at test time.
 */
class ScanCompletenessTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path tmp;

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

    enum Damage { NONE, TRUNCATED, CORRUPT_GZIP, DIGEST_MISMATCH }

    @Test
    void truncatedLayerIsIncompleteNamedAndExitsFour() throws Exception {
        assertIncomplete(Damage.TRUNCATED);
    }

    @Test
    void corruptGzipIsIncompleteNamedAndExitsFour() throws Exception {
        assertIncomplete(Damage.CORRUPT_GZIP);
    }

    @Test
    void digestMismatchIsIncompleteNamedAndExitsFour() throws Exception {
        assertIncomplete(Damage.DIGEST_MISMATCH);
    }

    private void assertIncomplete(Damage damage) throws Exception {
        Layout layout = layout(tmp.resolve(damage.name()), damage);

        int code = run("scan", "oci-layout:" + layout.dir(), "--format", "json", "--exit-code", "1", "--severity", "HIGH");

        assertThat(code).as(stderr()).isEqualTo(Layerwatch.EXIT_INCOMPLETE);
        JsonNode doc = JSON.readTree(out.toByteArray());
        assertThat(doc.at("/outcome/result").asString()).isEqualTo("INCOMPLETE");
        assertThat(doc.at("/outcome/incompleteLayers").size()).isEqualTo(1);
        assertThat(doc.at("/outcome/incompleteLayers/0/layer").asString()).isEqualTo(layout.damagedLayer());
        assertThat(doc.at("/outcome/incompleteLayers/0/reason").asString()).isNotBlank();
        assertThat(stderr()).contains("scan incomplete").contains(layout.damagedLayer());

        out.reset();
        assertThat(run("scan", "oci-layout:" + layout.dir())).isEqualTo(Layerwatch.EXIT_INCOMPLETE);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("SCAN INCOMPLETE").contains(layout.damagedLayer());
    }

    @Test
    void aGateWithoutADbRefusesToPassAndEveryFormatSaysNotChecked() throws Exception {
        Layout layout = layout(tmp.resolve("clean"), Damage.NONE);
        String target = "oci-layout:" + layout.dir();

        assertThat(run("scan", target, "--exit-code", "1")).as(stderr()).isEqualTo(Layerwatch.EXIT_NOT_CHECKED);
        assertThat(stderr()).contains("not checked");
        String table = out.toString(StandardCharsets.UTF_8);
        assertThat(table).contains("VULNERABILITIES NOT CHECKED: no vulnerability DB loaded").doesNotContain("0 vulnerabilities");

        out.reset();
        assertThat(run("scan", target, "--format", "json")).isZero();
        JsonNode json = JSON.readTree(out.toByteArray());
        assertThat(json.at("/vulnerabilityStatus/state").asString()).isEqualTo("NOT_CHECKED");
        assertThat(json.at("/vulnerabilityStatus/reason").asString()).isEqualTo("NO_DB");
        assertThat(json.at("/outcome/result").asString()).isEqualTo("COMPLETE");

        out.reset();
        assertThat(run("scan", target, "--format", "sarif")).isZero();
        JsonNode sarif = JSON.readTree(out.toByteArray());
        assertThat(sarif.at("/runs/0/invocations/0/executionSuccessful").asBoolean()).isFalse();
        assertThat(sarif.at("/runs/0/invocations/0/toolExecutionNotifications/0/message/text").asString())
                .startsWith("vulnerabilities not checked");

        out.reset();
        assertThat(run("scan", target, "--format", "cyclonedx")).isZero();
        JsonNode bom = JSON.readTree(out.toByteArray());
        List<String> props = bom.at("/metadata/properties").valueStream()
                .map(p -> p.path("name").asString() + "=" + p.path("value").asString()).toList();
        assertThat(props).contains("layerwatch:vulnerability-status=NOT_CHECKED", "layerwatch:scan-outcome=COMPLETE");
    }

    private int run(String... args) {
        return Layerwatch.run(new Layerwatch.Context(Map.of(), tmp, false), args);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    record Layout(Path dir, String damagedLayer) {
    }

    /** Two gzip layers; the second damaged as asked. */
    private static Layout layout(Path dir, Damage damage) throws IOException {
        byte[] base = tar(Map.of("etc/os-release", "ID=alpine\nVERSION_ID=3.20.0\n"));
        byte[] app = tar(Map.of("app/readme.txt", "x".repeat(20_000)));
        byte[] baseGz = gzip(base);
        byte[] appGz = gzip(app);
        String baseDigest = blob(dir, baseGz);
        String appDigest;
        byte[] stored = appGz;
        switch (damage) {
            case NONE -> appDigest = blob(dir, appGz);
            case TRUNCATED -> {
                appDigest = sha256(appGz);
                stored = java.util.Arrays.copyOf(appGz, appGz.length / 2);
                write(dir, appDigest, stored);
            }
            case CORRUPT_GZIP -> {
                stored = appGz.clone();
                for (int i = 20; i < Math.min(stored.length, 60); i++) {
                    stored[i] ^= (byte) 0x5A;
                }
                appDigest = blob(dir, stored);
            }
            case DIGEST_MISMATCH -> {
                appDigest = sha256(gzip(tar(Map.of("app/other.txt", "something else"))));
                write(dir, appDigest, appGz);
            }
            default -> throw new IllegalStateException();
        }
        String config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\""
                + sha256(base) + "\",\"" + sha256(app) + "\"]}}";
        byte[] configBytes = config.getBytes(StandardCharsets.UTF_8);
        String configDigest = blob(dir, configBytes);
        String manifest = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"config\":{\"mediaType\":"
                + "\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + configDigest + "\",\"size\":" + configBytes.length
                + "},\"layers\":[" + layer(baseDigest, baseGz.length) + "," + layer(appDigest, appGz.length) + "]}";
        byte[] manifestBytes = manifest.getBytes(StandardCharsets.UTF_8);
        String manifestDigest = blob(dir, manifestBytes);
        Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        Files.writeString(dir.resolve("index.json"), "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":"
                + "\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + manifestDigest + "\",\"size\":" + manifestBytes.length
                + ",\"platform\":{\"os\":\"linux\",\"architecture\":\"amd64\"}}]}");
        return new Layout(dir, appDigest);
    }

    private static String layer(String digest, long size) {
        return "{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"" + digest + "\",\"size\":" + size + "}";
    }

    private static String blob(Path dir, byte[] content) throws IOException {
        String digest = sha256(content);
        write(dir, digest, content);
        return digest;
    }

    private static void write(Path dir, String digest, byte[] content) throws IOException {
        Path p = dir.resolve("blobs/sha256/" + digest.substring("sha256:".length()));
        Files.createDirectories(p.getParent());
        Files.write(p, content);
    }

    private static byte[] tar(Map<String, String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            for (String name : new ArrayList<>(new java.util.TreeSet<>(files.keySet()))) {
                byte[] data = files.get(name).getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry e = new TarArchiveEntry(name);
                e.setSize(data.length);
                tar.putArchiveEntry(e);
                tar.write(data);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(data);
        }
        return bytes.toByteArray();
    }

    private static String sha256(byte[] data) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
