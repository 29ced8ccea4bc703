package dev.layerwatch.engine.vulndb;

import dev.layerwatch.engine.advisory.AffectedPackage;
import dev.layerwatch.engine.advisory.Advisory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Builds one new snapshot in {@code DIR/snapshots/<version>.partial/}, then on {@link #commit()}
 * renames it to its final directory and switches {@code DIR/current} to it. Closing without commit
 * deletes the partial directory, so a failed import or update never touches the snapshot in use.
 * Not thread-safe: one writer fills one snapshot.
 */
public final class SnapshotWriter implements AutoCloseable {

    private static final DateTimeFormatter VERSION_FORMAT =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private final Path dir;
    private final String version;
    private final Path partial;
    private final Connection db;
    private final PreparedStatement findPk;
    private final PreparedStatement deleteAdvisory;
    private final PreparedStatement deleteAffected;
    private final PreparedStatement insertAdvisory;
    private final PreparedStatement insertAffected;
    private final PreparedStatement lastRowId;
    private boolean committed;

    private SnapshotWriter(Path dir, Path base) throws IOException {
        this.dir = dir;
        this.version = nextVersion(dir);
        this.partial = dir.resolve("snapshots").resolve(version + ".partial");
        Files.createDirectories(partial);
        Path file = partial.resolve("vulns.db");
        try {
            if (base != null) {
                Files.copy(base, file, StandardCopyOption.REPLACE_EXISTING);
            }
            db = DriverManager.getConnection("jdbc:sqlite:" + file);
            try (Statement s = db.createStatement()) {
                // the partial file is thrown away on any failure, so durability during the build buys nothing
                s.execute("PRAGMA journal_mode=OFF");
                s.execute("PRAGMA synchronous=OFF");
            }
            if (base == null) {
                SnapshotSchema.create(db);
            } else {
                checkSchema(db, base);
            }
            db.setAutoCommit(false);
            findPk = db.prepareStatement("SELECT pk FROM advisory WHERE source=? AND scope=? AND id=?");
            deleteAdvisory = db.prepareStatement("DELETE FROM advisory WHERE pk=?");
            deleteAffected = db.prepareStatement("DELETE FROM affected WHERE advisory=?");
            insertAdvisory = db.prepareStatement("INSERT INTO advisory(source, scope, id, modified, body) VALUES (?,?,?,?,?)");
            insertAffected = db.prepareStatement("INSERT INTO affected(namespace, name, advisory) VALUES (?,?,?)");
            lastRowId = db.prepareStatement("SELECT last_insert_rowid()");
        } catch (SQLException e) {
            deleteTree(partial);
            throw new IOException("cannot create vulnerability DB snapshot in " + partial + ": " + e.getMessage(), e);
        }
    }

    /** Starts an empty snapshot. */
    public static SnapshotWriter create(Path dir) throws IOException {
        return new SnapshotWriter(dir, null);
    }

    /** Starts a snapshot holding a copy of {@code base} (for incremental updates). */
    public static SnapshotWriter copyOf(Path dir, Path base) throws IOException {
        return new SnapshotWriter(dir, base);
    }

    public String version() {
        return version;
    }

    /**
     * Adds or replaces the record with the same (source, scope, id). A withdrawn record removes the
     * stored one and is not stored: withdrawn advisories never match.
     */
    public void put(Advisory advisory) {
        try {
            findPk.setString(1, advisory.source());
            findPk.setString(2, advisory.scope());
            findPk.setString(3, advisory.id());
            try (ResultSet rs = findPk.executeQuery()) {
                if (rs.next()) {
                    long pk = rs.getLong(1);
                    deleteAffected.setLong(1, pk);
                    deleteAffected.executeUpdate();
                    deleteAdvisory.setLong(1, pk);
                    deleteAdvisory.executeUpdate();
                }
            }
            if (advisory.isWithdrawn()) {
                return;
            }
            insertAdvisory.setString(1, advisory.source());
            insertAdvisory.setString(2, advisory.scope());
            insertAdvisory.setString(3, advisory.id());
            insertAdvisory.setString(4, advisory.modified());
            insertAdvisory.setBytes(5, AdvisoryCodec.encode(advisory));
            insertAdvisory.executeUpdate();
            long pk;
            try (ResultSet keys = lastRowId.executeQuery()) {
                keys.next();
                pk = keys.getLong(1);
            }
            Set<String> keysSeen = new LinkedHashSet<>();
            for (AffectedPackage p : advisory.affected()) {
                String namespace = AdvisoryKeys.namespace(p.ecosystem());
                String name = AdvisoryKeys.name(namespace, p.name());
                if (keysSeen.add(namespace + '\u0000' + name)) {
                    insertAffected.setString(1, namespace);
                    insertAffected.setString(2, name);
                    insertAffected.setLong(3, pk);
                    insertAffected.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("cannot store advisory " + advisory.id() + " in snapshot "
                    + version + ": " + e.getMessage(), e));
        }
    }

    /**
     * Removes every record of {@code source} whose scope starts with {@code scopePrefix} (empty: all of
     * the source), before a whole-file feed (secdb, tracker) is loaded again.
     */
    public void deleteSource(String source, String scopePrefix) {
        try (PreparedStatement affected = db.prepareStatement("DELETE FROM affected WHERE advisory IN"
                + " (SELECT pk FROM advisory WHERE source = ? AND substr(scope, 1, ?) = ?)");
             PreparedStatement advisories = db.prepareStatement(
                     "DELETE FROM advisory WHERE source = ? AND substr(scope, 1, ?) = ?")) {
            for (PreparedStatement s : List.of(affected, advisories)) {
                s.setString(1, source);
                s.setInt(2, scopePrefix.length());
                s.setString(3, scopePrefix);
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("cannot remove " + source + " records from snapshot " + version
                    + ": " + e.getMessage(), e));
        }
    }

    public void putFeedState(FeedState state) {
        try (PreparedStatement s = db.prepareStatement(
                "INSERT OR REPLACE INTO feed_state(feed, etag, last_modified, synced_at) VALUES (?,?,?,?)")) {
            s.setString(1, state.feed());
            s.setString(2, state.etag());
            s.setString(3, state.lastModified());
            s.setString(4, state.syncedAt());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("cannot store feed state of " + state.feed() + ": " + e.getMessage(), e));
        }
    }

    /** Seals the snapshot, moves it into place and points {@code DIR/current} at it. */
    public String commit() throws IOException {
        try {
            try (PreparedStatement meta = db.prepareStatement("INSERT OR REPLACE INTO meta(key, value) VALUES (?,?)")) {
                putMeta(meta, "version", version);
                putMeta(meta, "built_at", Instant.now().toString());
                putMeta(meta, "schema", Integer.toString(SnapshotSchema.VERSION));
            }
            db.commit();
            db.setAutoCommit(true);
            try (Statement s = db.createStatement()) {
                s.execute("ANALYZE");
            }
            closeStatements();
            db.close();
        } catch (SQLException e) {
            throw new IOException("cannot seal vulnerability DB snapshot " + version + ": " + e.getMessage(), e);
        }
        Path target = dir.resolve("snapshots").resolve(version);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        SnapshotPointer.write(dir, version);
        committed = true;
        return version;
    }

    private static void putMeta(PreparedStatement meta, String key, String value) throws SQLException {
        meta.setString(1, key);
        meta.setString(2, value);
        meta.executeUpdate();
    }

    @Override
    public void close() throws IOException {
        if (committed) {
            return;
        }
        try {
            closeStatements();
            db.close();
        } catch (SQLException e) {
            // the partial snapshot is being thrown away; nothing to keep
        }
        deleteTree(partial);
    }

    private void closeStatements() throws SQLException {
        for (PreparedStatement s : new PreparedStatement[] {findPk, deleteAdvisory, deleteAffected, insertAdvisory, insertAffected, lastRowId}) {
            s.close();
        }
    }

    private static void checkSchema(Connection c, Path base) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT value FROM meta WHERE key='schema'")) {
            if (!rs.next() || Integer.parseInt(rs.getString(1)) != SnapshotSchema.VERSION) {
                throw new SQLException("base snapshot " + base + " has another schema version; build a full snapshot");
            }
        }
    }

    /** Timestamp versions sort by time; a clash within one millisecond (tests, fast CI) gets a suffix. */
    private static String nextVersion(Path dir) {
        String base = VERSION_FORMAT.format(Instant.now());
        String candidate = base;
        for (int i = 1; Files.exists(dir.resolve("snapshots").resolve(candidate))
                || Files.exists(dir.resolve("snapshots").resolve(candidate + ".partial")); i++) {
            candidate = base + "-" + i;
        }
        return candidate;
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
