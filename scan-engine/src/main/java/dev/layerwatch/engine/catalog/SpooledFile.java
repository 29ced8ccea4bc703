package dev.layerwatch.engine.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A layer file copied to a private temporary file, for formats read by random access (sqlite, Berkeley
 * DB, ndb, executables) without holding the whole file in the heap. Deleted on close, on every path out of
 * {@link #copyOf}; a process killed mid-parse leaves its file in a directory named after its pid
 * ({@code layerwatch-spool-<pid>}), which the next process to spool removes once that pid is gone, and a
 * graceful exit removes its own directory.
 */
public final class SpooledFile implements AutoCloseable {

    private static final String PREFIX = "layerwatch-spool-";
    /** Files of versions that spooled straight into the temp dir; none is held longer than a parse budget. */
    private static final Duration LEGACY_AGE = Duration.ofHours(1);
    private static final Path DIRECTORY = ownDirectory();

    private final Path path;
    private final long size;

    private SpooledFile(Path path, long size) {
        this.path = path;
        this.size = size;
    }

    /** Copies {@code content} (already bounded by the engine) to a new temporary file; does not close it. */
    public static SpooledFile copyOf(InputStream content, String suffix) throws IOException {
        Files.createDirectories(DIRECTORY);
        Path path = Files.createTempFile(DIRECTORY, "layerwatch-", suffix);
        try (OutputStream out = Files.newOutputStream(path)) {
            long size = content.transferTo(out);
            return new SpooledFile(path, size);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(path);
            throw e;
        }
    }

    /** Where this process spools; removes what dead processes left behind the first time it is asked. */
    private static Path ownDirectory() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long pid = ProcessHandle.current().pid();
        sweep(tmp);
        Path own = tmp.resolve(PREFIX + pid);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(own), "layerwatch-spool-cleanup"));
        return own;
    }

    /** Deletes spool directories of processes that no longer run, and stale legacy spool files. */
    static void sweep(Path tmp) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(tmp, "layerwatch-*")) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.startsWith(PREFIX) && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    long pid;
                    try {
                        pid = Long.parseLong(name.substring(PREFIX.length()));
                    } catch (NumberFormatException e) {
                        continue;
                    }
                    if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                        continue;
                    }
                    deleteTree(entry);
                } else if ((name.endsWith(".bin") || name.endsWith(".rpmdb"))
                        && Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)
                        && Files.getLastModifiedTime(entry).toInstant().isBefore(Instant.now().minus(LEGACY_AGE))) {
                    Files.deleteIfExists(entry);
                }
            }
        } catch (IOException | RuntimeException e) {
            // best effort: a sweep that fails leaves files, it never stops a scan
        }
    }

    private static void deleteTree(Path dir) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // best effort, as above
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
