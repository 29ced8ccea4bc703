package dev.layerwatch.engine.vulndb;

import dev.layerwatch.engine.advisory.Advisory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * One immutable snapshot, opened read-only. Safe for concurrent use: each lookup borrows a
 * connection from a small pool (a SQLite connection serves one thread at a time). Once the owning
 * {@link VulnDb} has moved on, the snapshot is retired: lookups still in flight finish, and their
 * connections are closed as they come back.
 */
public final class VulnDbSnapshot implements AutoCloseable {

    private static final String LOOKUP = "SELECT a.body FROM affected f JOIN advisory a ON a.pk = f.advisory"
            + " WHERE f.namespace = ? AND f.name = ?";

    private final String version;
    private final Path file;
    private final String url;
    private final SQLiteConfig config;
    private final ConcurrentLinkedQueue<Session> idle = new ConcurrentLinkedQueue<>();
    private volatile boolean retired;

    private VulnDbSnapshot(String version, Path file) {
        this.version = version;
        this.file = file;
        // immutable=1: the file never changes after commit, so SQLite may skip locking entirely
        this.url = "jdbc:sqlite:file:" + file.toAbsolutePath() + "?immutable=1";
        this.config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.READONLY);
    }

    /** Opens a snapshot file and checks its schema version. */
    public static VulnDbSnapshot open(String version, Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("cannot open vulnerability DB snapshot " + version + ": " + file + " is missing");
        }
        VulnDbSnapshot snapshot = new VulnDbSnapshot(version, file);
        String schema = snapshot.meta().get("schema");
        if (schema == null || Integer.parseInt(schema) != SnapshotSchema.VERSION) {
            snapshot.close();
            throw new IOException("cannot open vulnerability DB snapshot " + version + ": schema " + schema
                    + ", this build reads schema " + SnapshotSchema.VERSION);
        }
        return snapshot;
    }

    public String version() {
        return version;
    }

    public Path file() {
        return file;
    }

    /** Advisories with an affected entry for (namespace, normalised name); see {@link AdvisoryKeys}. */
    public List<Advisory> lookup(String namespace, String name) {
        return withSession(session -> {
            List<Advisory> found = new ArrayList<>();
            PreparedStatement s = session.lookup();
            s.setString(1, namespace);
            s.setString(2, AdvisoryKeys.name(namespace, name));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(AdvisoryCodec.decode(rs.getBytes(1)));
                }
            }
            return found;
        });
    }

    public Optional<FeedState> feedState(String feed) {
        return withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT etag, last_modified, synced_at FROM feed_state WHERE feed = ?")) {
                s.setString(1, feed);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(new FeedState(feed, rs.getString(1), rs.getString(2), rs.getString(3)))
                            : Optional.<FeedState>empty();
                }
            }
        });
    }

    public SnapshotInfo info() {
        Map<String, String> meta = meta();
        return withConnection(c -> {
            Map<String, Map<String, Long>> counts = new TreeMap<>();
            long total;
            try (Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT a.source, f.namespace, COUNT(DISTINCT a.pk) FROM advisory a"
                        + " JOIN affected f ON f.advisory = a.pk GROUP BY a.source, f.namespace")) {
                    while (rs.next()) {
                        counts.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getLong(3));
                    }
                }
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM advisory")) {
                    total = rs.next() ? rs.getLong(1) : 0;
                }
            }
            return new SnapshotInfo(version, meta.get("built_at"), Integer.parseInt(meta.getOrDefault("schema", "0")), total, counts);
        });
    }

    private Map<String, String> meta() {
        return withConnection(c -> {
            Map<String, String> meta = new HashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT key, value FROM meta")) {
                while (rs.next()) {
                    meta.put(rs.getString(1), rs.getString(2));
                }
            }
            return meta;
        });
    }

    private interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    private interface SessionWork<T> {
        T run(Session s) throws SQLException;
    }

    /** A pooled connection with the lookup statement prepared once. */
    private record Session(Connection connection, PreparedStatement lookup) {
    }

    private <T> T withConnection(SqlWork<T> work) {
        return withSession(s -> work.run(s.connection()));
    }

    private <T> T withSession(SessionWork<T> work) {
        Session s = idle.poll();
        try {
            if (s == null) {
                Connection c = DriverManager.getConnection(url, config.toProperties());
                s = new Session(c, c.prepareStatement(LOOKUP));
            }
            return work.run(s);
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("cannot read vulnerability DB snapshot " + version
                    + " (" + file + "): " + e.getMessage(), e));
        } finally {
            if (s != null) {
                if (retired) {
                    closeQuietly(s.connection());
                } else {
                    idle.offer(s);
                }
            }
        }
    }

    /** Stops pooling: idle connections close now, busy ones when their lookup ends. */
    void retire() {
        retired = true;
        Session s;
        while ((s = idle.poll()) != null) {
            closeQuietly(s.connection());
        }
    }

    @Override
    public void close() {
        retire();
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // a read-only connection has nothing to flush
        }
    }
}
