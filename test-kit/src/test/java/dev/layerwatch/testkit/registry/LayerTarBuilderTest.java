package dev.layerwatch.testkit.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;

class LayerTarBuilderTest {

    @Test
    void sameDirectoryGivesTheSameBytesWithSortedEntriesAndFixedMetadata() throws IOException {
        byte[] first = LayerTarBuilder.tar(Fixtures.dir("base"));
        byte[] second = LayerTarBuilder.tar(Fixtures.dir("base"));
        assertThat(first).isEqualTo(second);
        assertThat(LayerCompression.GZIP.compress(first)).isEqualTo(LayerCompression.GZIP.compress(second));

        List<TarArchiveEntry> entries = entries(first);
        assertThat(entries).extracting(TarArchiveEntry::getName).containsExactly(
                "etc/", "etc/hosts", "etc/os-release", "opt/", "opt/old/", "opt/old/file.txt", "usr/", "usr/bin/", "usr/bin/hello");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.getLastModifiedDate().toInstant()).isEqualTo(LayerTarBuilder.FIXED_MTIME);
            assertThat(e.getLongUserId()).isZero();
        });
        assertThat(entries.get(8).getMode() & 0777).isEqualTo(0755);
        assertThat(entries.get(1).getMode() & 0777).isEqualTo(0644);
    }

    @Test
    void whiteoutFilesGoIntoTheLayerAsEmptyFiles() throws IOException {
        List<TarArchiveEntry> entries = entries(LayerTarBuilder.tar(Fixtures.dir("app")));
        assertThat(entries).filteredOn(e -> e.getName().contains(".wh."))
                .extracting(TarArchiveEntry::getName, TarArchiveEntry::getSize, TarArchiveEntry::isFile)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("etc/.wh.hosts", 0L, true),
                        org.assertj.core.groups.Tuple.tuple("opt/.wh..wh..opq", 0L, true));
    }

    @Test
    void aMissingFixtureDirectoryIsNamedInTheError() {
        Path missing = Fixtures.dir("base").resolve("no-such-dir");
        assertThatThrownBy(() -> LayerTarBuilder.tar(missing)).hasMessageContaining("no-such-dir");
    }

    private static List<TarArchiveEntry> entries(byte[] tar) throws IOException {
        List<TarArchiveEntry> entries = new ArrayList<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.add(e);
            }
        }
        return entries;
    }
}
