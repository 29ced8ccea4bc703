package dev.layerwatch.testkit.redis;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 access to a real Redis server. {@link #shared()} is one server per test JVM; {@link #dedicated()}
 * is a class's own server, which it may stop and start (same port) for fault tests.
 * <p>Two paths, the same contract: a {@link RedisProcess} (redis-server child process, the default), or with
 * {@code LAYERWATCH_TESTKIT_BACKEND=containers} (environment) or {@code -Dlayerwatch.testkit.backend=containers} a
 * {@link RedisContainer} on the local Docker engine (Testcontainers).
 */
public final class RedisServerExtension implements BeforeAllCallback, AfterAllCallback {

    /** What the extension needs of a server, whichever path runs it. */
    private interface Server {
        String host();

        int port();

        void start();

        void stop();

        void close();

        String command(String inline);

        String describe();
    }

    private static Server shared;

    private final boolean dedicated;
    private Server own;

    private RedisServerExtension(boolean dedicated) {
        this.dedicated = dedicated;
    }

    public static RedisServerExtension shared() {
        return new RedisServerExtension(false);
    }

    public static RedisServerExtension dedicated() {
        return new RedisServerExtension(true);
    }

    /** Whether the container path is selected (environment or system property). */
    public static boolean containers() {
        String choice = System.getProperty("layerwatch.testkit.backend", System.getenv("LAYERWATCH_TESTKIT_BACKEND"));
        return "containers".equalsIgnoreCase(choice);
    }

    private static Server newServer() {
        if (containers()) {
            RedisContainer c = new RedisContainer().start();
            return new Server() {
                public String host() { return c.host(); }
                public int port() { return c.port(); }
                public void start() { c.start(); }
                public void stop() { c.stop(); }
                public void close() { c.close(); }
                public String command(String inline) { return c.command(inline); }
                public String describe() { return "container " + RedisContainer.IMAGE + " " + c.containerId(); }
            };
        }
        RedisProcess p = new RedisProcess(0).start();
        return new Server() {
            public String host() { return p.host(); }
            public int port() { return p.port(); }
            public void start() { p.start(); }
            public void stop() { p.stop(); }
            public void close() { p.stop(); }
            public String command(String inline) { return p.command(inline); }
            public String describe() { return "process " + RedisProcess.implementation(); }
        };
    }

    private synchronized Server server() {
        if (dedicated) {
            if (own == null) {
                own = newServer();
            }
            return own;
        }
        synchronized (RedisServerExtension.class) {
            if (shared == null) {
                shared = newServer();
                Server s = shared;
                Runtime.getRuntime().addShutdownHook(new Thread(s::close, "redis-shutdown"));
            }
            return shared;
        }
    }

    /** Which path serves this extension: {@code process …} or {@code container IMAGE ID}. */
    public String backend() {
        return server().describe();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (dedicated && own != null) {
            own.close();
            own = null;
        }
    }

    public String host() {
        return server().host();
    }

    /** The port; starts the server if needed, so it is safe in {@code @DynamicPropertySource}. */
    public int port() {
        return server().port();
    }

    public void stop() {
        requireDedicated();
        server().stop();
    }

    public void start() {
        requireDedicated();
        server().start();
    }

    public void flushAll() {
        server().command("FLUSHALL");
    }

    private void requireDedicated() {
        if (!dedicated) {
            throw new IllegalStateException("only a dedicated Redis can be stopped: use RedisServerExtension.dedicated()");
        }
    }
}
