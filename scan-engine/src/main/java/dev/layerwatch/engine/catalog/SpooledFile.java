package dev.layerwatch.engine.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A layer file copied to a private temporary file, for formats read by random access (sqlite, Berkeley
 * DB, ndb, executables) without holding the whole file in the heap. Deleted on close.
 */
public final class SpooledFile implements AutoCloseable {

    private final Path path;
    private final long size;

    private SpooledFile(Path path, long size) {
        this.path = path;
        this.size = size;
    }

    /** Copies {@code content} (already bounded by the engine) to a new temporary file; does not close it. */
    public static SpooledFile copyOf(InputStream content, String suffix) throws IOException {
        Path path = Files.createTempFile("layerwatch-", suffix);
        try (OutputStream out = Files.newOutputStream(path)) {
            long size = content.transferTo(out);
            return new SpooledFile(path, size);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(path);
            throw e;
        }
    }

    public Path path() {
        return path;
    }

    public long size() {
        return size;
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(path);
    }
}
