package dev.layerwatch.testkit.kafka;

import dev.layerwatch.embedded.kafka.EmbeddedKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real Kafka broker in this JVM for tests: the standalone's {@link EmbeddedKafka} (KRaft, Kafka's own server
 * classes) on a random loopback port, its log in a temp dir that {@link #stop()} deletes. For fault tests the broker
 * can be stopped and started again in place ({@link #stopBroker()}, {@link #startBroker()}): clients keep their
 * address, and records written before the outage are still there afterwards.
 */
public final class KafkaBroker implements AutoCloseable {

    private final int partitions;
    private EmbeddedKafka broker;
    private Path logDir;

    public KafkaBroker(int partitions) {
        this.partitions = partitions;
    }

    public synchronized KafkaBroker start() {
        if (broker == null) {
            try {
                logDir = Files.createTempDirectory("layerwatch-test-kafka");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            broker = EmbeddedKafka.builder(logDir).partitions(partitions).build().start();
        }
        return this;
    }

    /** Stops the broker and deletes its temp log. */
    public synchronized void stop() {
        if (broker != null) {
            broker.stop();
            broker = null;
            deleteTree(logDir);
        }
    }

    /** Stops the broker server only; clients see connections refused until {@link #startBroker()}. */
    public synchronized void stopBroker() {
        live().stop();
    }

    /** Starts the same broker again, at the same address, with the log it had. */
    public synchronized void startBroker() {
        live().start();
    }

    private EmbeddedKafka live() {
        if (broker == null) {
            throw new IllegalStateException("the Kafka broker is not running");
        }
        return broker;
    }

    public synchronized boolean running() {
        return broker != null;
    }

    /** The bootstrap address, e.g. {@code 127.0.0.1:41234}. */
    public synchronized String bootstrapServers() {
        return live().bootstrapServers();
    }

    public synchronized void createTopics(String... topics) {
        start();
        broker.createTopics(topics);
    }

    @Override
    public void close() {
        stop();
    }

    private static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp dir; best effort
        }
    }
}
