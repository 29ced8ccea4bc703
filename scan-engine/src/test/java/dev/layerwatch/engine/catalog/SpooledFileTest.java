package dev.layerwatch.engine.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpooledFileTest {

    @Test
    void theFileIsGoneAfterCloseAndAfterAFailedCopy() throws IOException {
        Path path;
        try (SpooledFile spooled = SpooledFile.copyOf(new ByteArrayInputStream(new byte[] {1, 2, 3}), ".bin")) {
            path = spooled.path();
            assertThat(path).exists().hasSize(3);
            assertThat(path.getParent().getFileName().toString()).isEqualTo("layerwatch-spool-" + ProcessHandle.current().pid());
        }
        assertThat(path).doesNotExist();

        InputStream failing = new InputStream() {
            @Override
            public int read() {
                throw new IllegalStateException("budget spent");
            }
        };
        long before = countFiles(path.getParent());
        assertThatThrownBy(() -> SpooledFile.copyOf(failing, ".bin")).hasMessage("budget spent");
        assertThat(countFiles(path.getParent())).isEqualTo(before);
    }

    @Test
    void theSweepRemovesWhatDeadProcessesLeftAndKeepsTheLiving(@TempDir Path tmp) throws IOException {
        Path dead = Files.createDirectories(tmp.resolve("layerwatch-spool-" + Integer.MAX_VALUE));
        Files.writeString(dead.resolve("layerwatch-1.bin"), "x");
        Path alive = Files.createDirectories(tmp.resolve("layerwatch-spool-" + ProcessHandle.current().pid()));
        Files.writeString(alive.resolve("layerwatch-2.bin"), "x");
        Path legacyOld = Files.writeString(tmp.resolve("layerwatch-3.bin"), "x");
        Files.setLastModifiedTime(legacyOld, FileTime.from(Instant.now().minus(2, ChronoUnit.HOURS)));
        Path legacyNew = Files.writeString(tmp.resolve("layerwatch-4.bin"), "x");
        Path other = Files.writeString(tmp.resolve("someone-else.bin"), "x");

        SpooledFile.sweep(tmp);

        assertThat(dead).doesNotExist();
        assertThat(alive.resolve("layerwatch-2.bin")).exists();
        assertThat(legacyOld).doesNotExist();
        assertThat(legacyNew).exists();
        assertThat(other).exists();
    }

    private static long countFiles(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.count();
        }
    }
}
