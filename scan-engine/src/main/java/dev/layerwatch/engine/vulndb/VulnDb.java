package dev.layerwatch.engine.vulndb;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The vulnerability database directory as readers see it: the snapshot {@code DIR/current} names.
 * {@link #current()} re-reads the pointer at most once per {@code checkEvery} (and {@link #refresh()}
 * on demand), so a long-running scan-service picks up a snapshot the updater committed without a
 * restart. Scans that already hold a snapshot keep using it until they finish.
 */
public final class VulnDb implements AutoCloseable {

    public static final Duration DEFAULT_CHECK_EVERY = Duration.ofSeconds(30);

    private final Path dir;
    private final Duration checkEvery;
    private final Clock clock;
    private volatile VulnDbSnapshot current;
    private volatile Instant lastCheck;

    private VulnDb(Path dir, Duration checkEvery, Clock clock) {
        this.dir = dir;
        this.checkEvery = checkEvery;
        this.clock = clock;
    }

    /** Opens the directory; fails when it holds no committed snapshot. */
    public static VulnDb open(Path dir) throws IOException {
        return open(dir, DEFAULT_CHECK_EVERY, Clock.systemUTC());
    }

    public static VulnDb open(Path dir, Duration checkEvery, Clock clock) throws IOException {
        VulnDb db = new VulnDb(dir, checkEvery, clock);
        if (!db.refresh()) {
            throw new IOException("no vulnerability DB snapshot in " + dir + ": run 'layerwatch db import' or 'layerwatch db update' first");
        }
        return db;
    }

    public Path dir() {
        return dir;
    }

    /** The snapshot to use for the next scan; checks the pointer when the last check is older than {@code checkEvery}. */
    public VulnDbSnapshot current() {
        if (lastCheck == null || Duration.between(lastCheck, clock.instant()).compareTo(checkEvery) >= 0) {
            try {
                refresh();
            } catch (IOException e) {
                // a pointer to a broken snapshot must not stop scans: keep serving the one that works
                lastCheck = clock.instant();
            }
        }
        return current;
    }

    /**
     * Re-reads {@code DIR/current} now and switches when it names another snapshot.
     *
     * @return whether a snapshot is open after the call
     */
    public synchronized boolean refresh() throws IOException {
        lastCheck = clock.instant();
        Optional<String> version = SnapshotPointer.read(dir);
        if (version.isEmpty()) {
            return current != null;
        }
        VulnDbSnapshot old = current;
        if (old != null && old.version().equals(version.get())) {
            return true;
        }
        current = VulnDbSnapshot.open(version.get(), SnapshotPointer.snapshotFile(dir, version.get()));
        if (old != null) {
            old.retire();
        }
        return true;
    }

    @Override
    public void close() {
        VulnDbSnapshot s = current;
        if (s != null) {
            s.close();
        }
    }
}
