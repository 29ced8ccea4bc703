package dev.layerwatch.engine.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerwatch.common.image.Digest;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LayerReaderTest {

    private static final LayerReader READER = new LayerReader(LayerLimits.DEFAULTS);

    private static TarLayerBuilder sample() {
        return new TarLayerBuilder()
                .dir("etc")
                .file("etc/os-release", "ID=debian\n")
                .file("etc/hostname", "box\n")
                .symlink("etc/localtime", "/usr/share/zoneinfo/UTC")
                .hardlink("etc/hostname.bak", "etc/hostname")
                .file("usr/bin/tool", new byte[5000], 0755);
    }

    @Test
    void readsWantedFilesOnlyAndVerifiesTheDiffIdForEveryCompression() throws Exception {
        byte[] tar = sample().tar();
        Digest diffId = TarLayerBuilder.sha256(tar);
        for (byte[] blob : new byte[][] {tar, sample().gzip(), sample().zstd()}) {
            RecordingVisitor v = new RecordingVisitor(f -> f.path().equals("etc/os-release"));
            LayerReadSummary s = READER.read("l", new ByteArrayInputStream(blob), diffId, v);
            assertThat(s.diffId()).isEqualTo(diffId);
            assertThat(s.diffIdVerified()).isTrue();
            assertThat(s.complete()).isTrue();
            assertThat(s.warnings()).isEmpty();
            assertThat(v.read).containsOnlyKeys("etc/os-release").containsEntry("etc/os-release", "ID=debian\n");
            assertThat(v.entries).containsEntry("etc/localtime", LayerEntryKind.SYMLINK)
                    .containsEntry("etc/hostname.bak", LayerEntryKind.HARDLINK)
                    .containsEntry("usr/bin/tool", LayerEntryKind.FILE)
                    .containsEntry("etc", LayerEntryKind.DIRECTORY);
            assertThat(v.links).containsEntry("etc/localtime", "/usr/share/zoneinfo/UTC")
                    .containsEntry("etc/hostname.bak", "etc/hostname");
        }
        assertThat(LayerCompression.sniff(new java.io.BufferedInputStream(new ByteArrayInputStream(sample().zstd()))))
                .isEqualTo(LayerCompression.ZSTD);
    }

    @Test
    void aDiffIdMismatchIsAWarning() throws Exception {
        Digest wrong = TarLayerBuilder.sha256("something else".getBytes());
        LayerReadSummary s = READER.read("sha256:abc", new ByteArrayInputStream(sample().gzip()), wrong, new RecordingVisitor(f -> false));
        assertThat(s.diffIdVerified()).isFalse();
        assertThat(s.warnings()).singleElement().asString().contains("diff id mismatch").contains(wrong.toString());
    }

    @Test
    void aTruncatedGzipFailsTheLayerWithAClearReason() {
        byte[] gz = sample().file("big", new byte[200_000], 0644).gzip();
        byte[] truncated = Arrays.copyOf(gz, gz.length / 2);
        assertThatThrownBy(() -> READER.read("sha256:trunc", new ByteArrayInputStream(truncated), null, new RecordingVisitor(f -> true)))
                .isInstanceOf(LayerReadException.class)
                .hasMessageContaining("layer sha256:trunc")
                .hasMessageContaining("gzip");
    }

    /** umoci 0.4.7 {@code insert} writes layers like this: the last file's data, then nothing. */
    @Test
    void aTarEndingRightAfterItsLastFilesDataIsReadWithAWarning() throws Exception {
        byte[] last = "x".repeat(1000).getBytes();
        byte[] tar = sample().file("app/last.jar", last, 0644).tar();
        byte[] cut = Arrays.copyOf(tar, lastNonZero(tar) + 1);
        assertThat(cut.length % 512).isNotZero();
        RecordingVisitor v = new RecordingVisitor(f -> f.path().equals("app/last.jar"));
        LayerReadSummary s = READER.read("sha256:umoci", new ByteArrayInputStream(gzip(cut)), TarLayerBuilder.sha256(cut), v);
        assertThat(s.complete()).isTrue();
        assertThat(s.diffIdVerified()).isTrue();
        assertThat(s.warnings()).singleElement().asString().contains("sha256:umoci").contains("end-of-archive");
        assertThat(v.read).containsEntry("app/last.jar", "x".repeat(1000));
    }

    @Test
    void aTarCutInsideFileDataStillFails() {
        byte[] tar = sample().file("app/last.jar", "x".repeat(1000).getBytes(), 0644).tar();
        int dataEnd = lastNonZero(tar) + 1;
        for (int cutAt : new int[] {dataEnd - 10, dataEnd - 999}) {
            byte[] cut = Arrays.copyOf(tar, cutAt);
            assertThatThrownBy(() -> READER.read("l", new ByteArrayInputStream(gzip(cut)), null, new RecordingVisitor(f -> true)))
                    .isInstanceOf(LayerReadException.class);
        }
    }

    private static int lastNonZero(byte[] bytes) {
        int i = bytes.length - 1;
        while (bytes[i] == 0) {
            i--;
        }
        return i;
    }

    private static byte[] gzip(byte[] raw) throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
            gz.write(raw);
        }
        return out.toByteArray();
    }

    @Test
    void aTruncatedZstdFailsTheLayer() {
        byte[] z = sample().file("big", randomBytes(200_000), 0644).zstd();
        byte[] truncated = Arrays.copyOf(z, z.length / 2);
        assertThatThrownBy(() -> READER.read("l", new ByteArrayInputStream(truncated), null, new RecordingVisitor(f -> true)))
                .isInstanceOf(LayerReadException.class)
                .hasMessageContaining("zstd");
    }

    @Test
    void garbageIsNotATar() {
        byte[] garbage = new byte[4096];
        Arrays.fill(garbage, (byte) 'A');
        assertThatThrownBy(() -> READER.read("l", new ByteArrayInputStream(garbage), null, new RecordingVisitor(f -> true)))
                .isInstanceOf(LayerReadException.class)
                .hasMessageContaining("tar stream");
    }

    @Test
    void aGzipBombStopsWithAWarning() throws Exception {
        byte[] bomb = new TarLayerBuilder().file("etc/os-release", "ID=alpine\n").zeros("zeros", 64L << 20).gzip();
        assertThat(bomb.length).isLessThan(200_000);
        LayerReader reader = new LayerReader(LayerLimits.DEFAULTS.withExpansion(100, 1 << 20));
        RecordingVisitor v = new RecordingVisitor(f -> f.path().equals("etc/os-release"));
        LayerReadSummary s = reader.read("l", new ByteArrayInputStream(bomb), null, v);
        assertThat(s.complete()).isFalse();
        assertThat(s.diffId()).isNull();
        assertThat(s.uncompressedBytes()).isLessThan(64L << 20);
        assertThat(s.warnings()).singleElement().asString().contains("decompression bomb");
        assertThat(v.read).containsKey("etc/os-release");
    }

    @Test
    void theTotalSizeCapStopsALayer() throws Exception {
        LayerReader reader = new LayerReader(LayerLimits.DEFAULTS.withMaxTotalBytes(1 << 20));
        LayerReadSummary s = reader.read("l", new ByteArrayInputStream(new TarLayerBuilder().zeros("z", 4 << 20).tar()),
                null, new RecordingVisitor(f -> true));
        assertThat(s.complete()).isFalse();
        assertThat(s.warnings()).singleElement().asString().contains("layer cap");
    }

    @Test
    void aTarBombOfEntriesStopsWithAWarning() throws Exception {
        TarLayerBuilder b = new TarLayerBuilder();
        for (int i = 0; i < 3000; i++) {
            b.file("f/" + i, "");
        }
        LayerReader reader = new LayerReader(LayerLimits.DEFAULTS.withMaxEntries(1000));
        RecordingVisitor v = new RecordingVisitor(f -> false);
        LayerReadSummary s = reader.read("l", new ByteArrayInputStream(b.gzip()), null, v);
        assertThat(s.complete()).isFalse();
        assertThat(s.entries()).isEqualTo(1000);
        assertThat(v.entries).hasSize(1000);
        assertThat(s.warnings()).singleElement().asString().contains("tar bomb");
    }

    @Test
    void traversalAndAbsolutePathsAreCleanedOrRefused() throws Exception {
        byte[] blob = new TarLayerBuilder()
                .file("../../etc/passwd", "root:x:0:0\n")
                .file("/etc/shadow", "secret\n")
                .file("./usr/../etc/group", "g\n")
                .hardlink("etc/evil", "../../../etc/passwd")
                .gzip();
        RecordingVisitor v = new RecordingVisitor(f -> true);
        LayerReadSummary s = READER.read("l", new ByteArrayInputStream(blob), null, v);
        assertThat(v.read).containsOnlyKeys("etc/shadow", "etc/group");
        assertThat(v.entries).doesNotContainKey("etc/evil");
        assertThat(s.warnings()).anySatisfy(w -> assertThat(w).contains("refused").contains("escapes the image root"))
                .anySatisfy(w -> assertThat(w).contains("absolute path '/etc/shadow'"))
                .anySatisfy(w -> assertThat(w).contains("hard link etc/evil refused"));
    }

    @Test
    void filesOverTheCapAreSkippedUnreadWithAWarning() throws Exception {
        LayerReader reader = new LayerReader(LayerLimits.DEFAULTS.withMaxFileBytes(1000));
        RecordingVisitor v = new RecordingVisitor(f -> true);
        LayerReadSummary s = reader.read("l", new ByteArrayInputStream(new TarLayerBuilder()
                .file("small", "x").file("huge.jar", new byte[5000], 0644).tar()), null, v);
        assertThat(v.read).containsOnlyKeys("small");
        assertThat(s.complete()).isTrue();
        assertThat(s.warnings()).singleElement().asString().contains("/huge.jar not read").contains("file cap");
    }

    @Test
    void longNamesAndWhiteoutsAreReported() throws Exception {
        String longDir = "usr/lib/" + "a".repeat(120) + "/" + "b".repeat(120);
        byte[] blob = new TarLayerBuilder()
                .file(longDir + "/METADATA", "Name: x\n")
                .whiteout("etc/old.conf")
                .opaque("var/cache")
                .opaque("")
                .file(".wh.", new byte[0], 0644)
                .gzip();
        RecordingVisitor v = new RecordingVisitor(f -> f.fileName().equals("METADATA"));
        LayerReadSummary s = READER.read("l", new ByteArrayInputStream(blob), null, v);
        assertThat(v.read).containsOnlyKeys(longDir + "/METADATA");
        assertThat(v.whiteouts).containsExactly("etc/old.conf");
        assertThat(v.opaque).containsExactly("var/cache", "");
        assertThat(v.entries).doesNotContainKeys("etc/.wh.old.conf", "var/cache/.wh..wh..opq");
        assertThat(s.warnings()).singleElement().asString().contains("invalid whiteout");
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new java.util.Random(7).nextBytes(b);
        return b;
    }
}
