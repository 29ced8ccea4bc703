package dev.layerwatch.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The standalone's one data directory: {@code kafka/} (the broker's log), {@code redis/} (the append-only file),
 * {@code postgres/} (PostgreSQL's cluster) and {@code vulndb/} (the vulnerability DB), each made on first use.
 * {@link #open(Path)} takes an exclusive lock on {@code .lock} for the life of the process, so a second
 * standalone on the same directory fails at once instead of corrupting the first one's log. The lock is the
 * operating system's: a killed process releases it.
 */
public final class DataDirectory implements AutoCloseable {

    public static final String KAFKA = "kafka";
    public static final String REDIS = "redis";
    public static final String POSTGRES = "postgres";
    public static final String VULNDB = "vulndb";

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DataDirectory(Path root, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Creates {@code root} if needed and locks it; fails if another process holds it. */
    public static DataDirectory open(Path root) {
        Path dir = root.toAbsolutePath().normalize();
        FileChannel channel = null;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("data directory " + dir + " is in use by another Layerwatch process");
            }
            return new DataDirectory(dir, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot open data directory " + dir, e);
        }
    }

    /** {@code ~/.layerwatch}: the default when nothing is configured. */
    public static Path defaultRoot() {
        return Path.of(System.getProperty("user.home"), ".layerwatch");
    }

    public Path root() {
        return root;
    }

    /** The component's subdirectory ({@link #KAFKA}, {@link #REDIS}, {@link #POSTGRES}, {@link #VULNDB}), created if missing. */
    public Path component(String name) {
        Path dir = root.resolve(name);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        return dir;
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // the channel's close below releases it too
        }
        closeQuietly(lockChannel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing held any more
            }
        }
    }
}
