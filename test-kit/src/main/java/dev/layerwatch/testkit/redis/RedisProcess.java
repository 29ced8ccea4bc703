package dev.layerwatch.testkit.redis;

import dev.layerwatch.embedded.redis.EmbeddedRedis;
import dev.layerwatch.testkit.net.FreePorts;

/**
 * A real Redis server as a child process on a loopback port for tests: the standalone's {@link EmbeddedRedis}
 * (Debian's {@code redis-server} from PATH, or the binary shipped in the embedded-redis jar) without persistence
 * or watchdog: a restart is empty, as after a Redis flush — which is what the fault tests want to survive.
 */
public final class RedisProcess implements AutoCloseable {

    private final EmbeddedRedis server;

    public RedisProcess(int port) {
        this(port, false);
    }

    private RedisProcess(int port, boolean jarBinaryOnly) {
        this.server = EmbeddedRedis.builder().port(port == 0 ? FreePorts.next() : port).jarBinaryOnly(jarBinaryOnly).build();
    }

    /** Always the binary shipped in the embedded-redis jar: what a machine without redis-server gets. */
    public static RedisProcess fromJarBinary(int port) {
        return new RedisProcess(port, true);
    }

    public int port() {
        return server.port();
    }

    public String host() {
        return server.host();
    }

    public RedisProcess start() {
        server.start();
        return this;
    }

    public boolean running() {
        return server.running();
    }

    public void stop() {
        server.stop();
    }

    @Override
    public void close() {
        stop();
    }

    /** Sends one inline command and returns the first reply line (enough for PING and FLUSHALL). */
    public String command(String inline) {
        return server.command(inline);
    }

    /** Which server this process runs, for logs. */
    public static String implementation() {
        return EmbeddedRedis.implementation();
    }
}
