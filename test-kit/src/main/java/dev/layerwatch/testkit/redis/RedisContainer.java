package dev.layerwatch.testkit.redis;

import dev.layerwatch.testkit.net.FreePorts;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A real Redis server in a container (Testcontainers): the container path of {@link RedisServerExtension}. The
 * image is {@code $LAYERWATCH_TESTKIT_REDIS_IMAGE}, default {@code redis:7.4-alpine} (bin/local-images builds a local
 * stand-in under that name where it cannot be pulled). Published on a fixed loopback port, so a stopped container
 * starts again on the same address, like {@link RedisProcess}; no persistence, so a restart is empty.
 */
public final class RedisContainer implements AutoCloseable {

    public static final String IMAGE = System.getenv().getOrDefault("LAYERWATCH_TESTKIT_REDIS_IMAGE", "redis:7.4-alpine");
    private static final Duration STARTUP = Duration.ofSeconds(60);

    private final int port = FreePorts.next();
    private GenericContainer<?> container;
    private boolean running;

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    public String containerId() {
        return container == null ? null : container.getContainerId();
    }

    public synchronized RedisContainer start() {
        if (running) {
            return this;
        }
        if (container == null) {
            container = new GenericContainer<>(DockerImageName.parse(IMAGE))
                    .withCommand("redis-server", "--save", "", "--appendonly", "no")
                    .withExposedPorts(6379)
                    .withStartupTimeout(STARTUP);
            container.setPortBindings(List.of("127.0.0.1:" + port + ":6379"));
            container.start();
        } else {
            container.getDockerClient().startContainerCmd(container.getContainerId()).exec();
        }
        running = true;
        awaitPing();
        return this;
    }

    /** Stops the container, keeping it (and its port binding) for {@link #start()}. */
    public synchronized void stop() {
        if (running) {
            container.getDockerClient().stopContainerCmd(container.getContainerId()).withTimeout(5).exec();
            running = false;
        }
    }

    @Override
    public synchronized void close() {
        if (container != null) {
            container.stop();
            container = null;
            running = false;
        }
    }

    public String command(String inline) {
        return new RedisProcess(port).command(inline);
    }

    private void awaitPing() {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (true) {
            try {
                if ("+PONG".equals(command("PING"))) {
                    return;
                }
            } catch (UncheckedIOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("redis container " + containerId() + " on 127.0.0.1:" + port + " did not answer PING", e);
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
