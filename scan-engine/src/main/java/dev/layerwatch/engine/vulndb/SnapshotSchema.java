package dev.layerwatch.engine.vulndb;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The SQLite layout of a snapshot. Bump {@link #VERSION} when it changes; readers refuse other versions. */
final class SnapshotSchema {

    static final int VERSION = 1;

    private static final String[] DDL = {
        "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        "CREATE TABLE advisory(pk INTEGER PRIMARY KEY, source TEXT NOT NULL, scope TEXT NOT NULL, id TEXT NOT NULL,"
                + " modified TEXT, body BLOB NOT NULL, UNIQUE(source, scope, id))",
        // one row per (advisory, namespace, name): the lookup path of every match
        "CREATE TABLE affected(namespace TEXT NOT NULL, name TEXT NOT NULL, advisory INTEGER NOT NULL)",
        "CREATE INDEX affected_lookup ON affected(namespace, name)",
        "CREATE INDEX affected_advisory ON affected(advisory)",
        "CREATE TABLE feed_state(feed TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, synced_at TEXT)",
    };

    private SnapshotSchema() {
    }

    static void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String ddl : DDL) {
                s.execute(ddl);
            }
        }
    }
}
