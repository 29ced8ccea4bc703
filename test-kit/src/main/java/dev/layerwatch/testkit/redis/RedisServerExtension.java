package dev.layerwatch.testkit.redis;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 access to a real Redis server. {@link #shared()} is one server per test JVM; {@link #dedicated()}
 * is a class's own server, which it may stop and start (same port) for fault tests.
 */
public final class RedisServerExtension implements BeforeAllCallback, AfterAllCallback {

    private static RedisProcess shared;

    private final boolean dedicated;
    private RedisProcess own;

    private RedisServerExtension(boolean dedicated) {
        this.dedicated = dedicated;
    }

    public static RedisServerExtension shared() {
        return new RedisServerExtension(false);
    }

    public static RedisServerExtension dedicated() {
        return new RedisServerExtension(true);
    }

    private synchronized RedisProcess server() {
        if (dedicated) {
            if (own == null) {
                own = new RedisProcess(0).start();
            }
            return own;
        }
        synchronized (RedisServerExtension.class) {
            if (shared == null) {
                shared = new RedisProcess(0).start();
                RedisProcess s = shared;
                Runtime.getRuntime().addShutdownHook(new Thread(s::stop, "redis-shutdown"));
            }
            return shared;
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
