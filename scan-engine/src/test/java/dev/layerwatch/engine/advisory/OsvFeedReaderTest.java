package dev.layerwatch.engine.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OsvFeedReaderTest {

    @TempDir
    Path tmp;

    private final OsvFeedReader reader = new OsvFeedReader();

    @Test
    void readsADirectoryTreeOfJsonAndYaml() throws IOException {
        List<Advisory> seen = new ArrayList<>();
        FeedReadResult result = reader.read(TestResources.path("osv/real"), seen::add);
        assertThat(result.warnings()).isEmpty();
        assertThat(result.withdrawn()).isEqualTo(1);
        assertThat(result.advisories()).isEqualTo(seen.size() - 1);
        assertThat(seen).extracting(Advisory::id).contains("GHSA-jfh8-c2jp-5v3q", "PYSEC-2021-142", "USN-6409-1", "GO-2022-0617");
    }

    @Test
    void readsAnAllZipEntryByEntry() throws IOException {
        Path zip = zipOf(TestResources.path("osv/real/Maven"), tmp.resolve("all.zip"));
        List<Advisory> seen = new ArrayList<>();
        FeedReadResult result = reader.read(zip, seen::add);
        assertThat(result.advisories()).isEqualTo(3);
        assertThat(seen).extracting(Advisory::id).containsExactlyInAnyOrder(
                "GHSA-jfh8-c2jp-5v3q", "GHSA-36p3-wjmg-h94x", "GHSA-jjjh-jjxp-wpff");
    }

    @Test
    void badRecordsBecomeWarningsWithTheFileNameAndTheReadGoesOn() throws IOException {
        List<Advisory> seen = new ArrayList<>();
        FeedReadResult result = reader.read(TestResources.path("osv/corrupt"), seen::add);
        assertThat(seen).extracting(Advisory::id).containsExactly("GHSA-35jh-r3h4-6jhm");
        assertThat(result.warnings()).hasSize(4);
        assertThat(result.warnings()).extracting(FeedWarning::file)
                .anyMatch(f -> f.endsWith("truncated.json"))
                .anyMatch(f -> f.endsWith("no-id.json"))
                .anyMatch(f -> f.endsWith("broken.yaml"))
                .anyMatch(f -> f.endsWith("no-package.json"));
    }

    @Test
    void truncatedZipIsAnErrorNotAnEmptyFeed() throws IOException {
        Path zip = zipOf(TestResources.path("osv/real/Maven"), tmp.resolve("all.zip"));
        byte[] bytes = Files.readAllBytes(zip);
        Path cut = tmp.resolve("cut.zip");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> reader.read(cut, a -> { }))
                .isInstanceOf(IOException.class).hasMessageContaining("cut.zip");
    }

    @Test
    void missingPathIsAnError() {
        assertThatThrownBy(() -> reader.read(tmp.resolve("nope"), a -> { }))
                .isInstanceOf(IOException.class).hasMessageContaining("nope");
    }

    static Path zipOf(Path dir, Path zip) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream zos = new ZipOutputStream(out);
             Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                zos.putNextEntry(new ZipEntry(f.getFileName().toString()));
                zos.write(Files.readAllBytes(f));
                zos.closeEntry();
            }
        }
        return zip;
    }
}
