package dev.layerwatch.testkit.postgres;

import dev.layerwatch.embedded.postgres.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 access to a real PostgreSQL server on a free loopback port (Debian's binaries, run as the {@code postgres}
 * user under root). {@link #shared()} is one server per test JVM, each extension instance with a fresh database of its
 * own; {@link #dedicated()} is a class's own server, which it may stop and start again on the same port and data
 * directory (fault and restart tests).
 */
public final class PostgresServerExtension implements BeforeAllCallback, AfterAllCallback {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static PostgresServer shared;

    private final boolean dedicated;
    private final String database = "test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    private PostgresServer own;
    private boolean created;

    private PostgresServerExtension(boolean dedicated) {
        this.dedicated = dedicated;
    }

    public static PostgresServerExtension shared() {
        return new PostgresServerExtension(false);
    }

    public static PostgresServerExtension dedicated() {
        return new PostgresServerExtension(true);
    }

    private synchronized PostgresServer server() {
        PostgresServer server;
        if (dedicated) {
            if (own == null) {
                own = PostgresServer.ephemeral(newDataDir(), 0).start();
            }
            server = own;
        } else {
            synchronized (PostgresServerExtension.class) {
                if (shared == null) {
                    shared = PostgresServer.ephemeral(newDataDir(), 0).start();
                    PostgresServer s = shared;
                    Runtime.getRuntime().addShutdownHook(new Thread(s::stop, "postgres-shutdown"));
                }
                server = shared;
            }
        }
        if (!created && server.running()) {
            server.createDatabase(database);
            created = true;
        }
        return server;
    }

    /** Under /tmp with searchable parents, so the postgres user can reach it when tests run as root. */
    private static Path newDataDir() {
        try {
            Path base = Files.createTempDirectory("layerwatch-pg-");
            Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
            return base.resolve("data");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a PostgreSQL data directory", e);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (dedicated && own != null) {
            own.stop();
            own = null;
        }
    }

    /** The JDBC URL of this extension's own database; starts the server if needed (safe in {@code @DynamicPropertySource}). */
    public String jdbcUrl() {
        return server().jdbcUrl(database);
    }

    public String username() {
        return server().user();
    }

    public String database() {
        return database;
    }

    /** A further empty database on the same server (a migration test wants several). */
    public String newDatabaseUrl(String name) {
        server().createDatabase(name);
        return server().jdbcUrl(name);
    }

    public void stop() {
        requireDedicated();
        own.stop();
    }

    public void start() {
        requireDedicated();
        own.start();
    }

    private void requireDedicated() {
        if (!dedicated || own == null) {
            throw new IllegalStateException("only a started dedicated PostgreSQL can be stopped: use PostgresServerExtension.dedicated()");
        }
    }
}
