package dev.layerwatch.engine.vulndb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The {@code DIR/current} file naming the snapshot readers use. It is written to a temp file in the
 * same directory and renamed over the old one, so a reader sees the old or the new version, never half.
 */
public final class SnapshotPointer {

    static final String FILE = "current";

    private SnapshotPointer() {
    }

    public static Optional<String> read(Path dir) throws IOException {
        try {
            String version = Files.readString(dir.resolve(FILE), StandardCharsets.UTF_8).trim();
            return version.isEmpty() ? Optional.empty() : Optional.of(version);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    static void write(Path dir, String version) throws IOException {
        Path tmp = Files.createTempFile(dir, ".current-", ".tmp");
        try {
            Files.writeString(tmp, version + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(tmp, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot switch vulnerability DB pointer in " + dir + ": the filesystem has no atomic rename", e);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static Path snapshotFile(Path dir, String version) {
        return dir.resolve("snapshots").resolve(version).resolve("vulns.db");
    }
}
