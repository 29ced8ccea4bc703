/**
 * Production launchers for the standalone's infrastructure, all on loopback and all under one data directory:
 * {@code kafka/} (an in-JVM KRaft broker's log), {@code redis/} (redis-server's append-only file),
 * {@code postgres/} (PostgreSQL's cluster, package {@code postgres}) and {@code vulndb/}. No test library here:
 * the test kit reuses these launchers, never the other way round.
 */
package dev.layerwatch.embedded;
