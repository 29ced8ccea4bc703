/**
 * The vulnerability database: immutable, versioned SQLite snapshots under
 * {@code DIR/snapshots/<version>/vulns.db}, an atomically replaced {@code DIR/current} pointer, and
 * read-only, concurrent lookups by (namespace, normalised package name). A snapshot is written once
 * by {@link dev.layerwatch.engine.vulndb.SnapshotWriter} and never changed; readers pick up a newer one
 * through {@link dev.layerwatch.engine.vulndb.VulnDb} without a restart.
 */
package dev.layerwatch.engine.vulndb;
