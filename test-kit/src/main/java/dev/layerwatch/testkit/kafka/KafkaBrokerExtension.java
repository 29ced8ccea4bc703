package dev.layerwatch.testkit.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 access to a real Kafka broker. {@code new KafkaBrokerExtension()} shares one broker per test JVM
 * (started lazily, stopped at JVM exit) so cached Spring contexts keep working across test classes;
 * {@link #dedicated()} gives a class its own broker, whose server it may stop and start again in place for fault tests.
 */
public final class KafkaBrokerExtension implements BeforeAllCallback, AfterAllCallback {

    private static final int PARTITIONS = 3;
    private static KafkaBroker shared;

    private final boolean dedicated;
    private KafkaBroker own;

    public KafkaBrokerExtension() {
        this(false);
    }

    private KafkaBrokerExtension(boolean dedicated) {
        this.dedicated = dedicated;
    }

    public static KafkaBrokerExtension dedicated() {
        return new KafkaBrokerExtension(true);
    }

    private synchronized KafkaBroker broker() {
        if (dedicated) {
            if (own == null) {
                own = new KafkaBroker(PARTITIONS).start();
            }
            return own;
        }
        synchronized (KafkaBrokerExtension.class) {
            if (shared == null) {
                shared = new KafkaBroker(PARTITIONS).start();
                KafkaBroker b = shared;
                Runtime.getRuntime().addShutdownHook(new Thread(b::stop, "kafka-broker-shutdown"));
            }
            return shared;
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        broker();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (dedicated && own != null) {
            own.stop();
            own = null;
        }
    }

    /** {@code 127.0.0.1:PORT}; starts the broker if needed, so it is safe in {@code @DynamicPropertySource}. */
    public String bootstrapServers() {
        return broker().bootstrapServers();
    }

    public void createTopics(String... topics) {
        broker().createTopics(topics);
    }

    /** Stops a dedicated broker's server (fault tests): clients see connections refused. */
    public void stop() {
        requireDedicated();
        broker().stopBroker();
    }

    /** Starts a dedicated broker's server again, at the same address, with its log intact. */
    public void start() {
        requireDedicated();
        broker().startBroker();
    }

    private void requireDedicated() {
        if (!dedicated) {
            throw new IllegalStateException("only a dedicated broker can be stopped: use KafkaBrokerExtension.dedicated()");
        }
    }

    /**
     * Reads {@code topic} from the beginning with a fresh consumer group until at least {@code atLeast}
     * records arrived or {@code timeout} passed; returns what it read.
     */
    public List<ConsumerRecord<String, String>> readAll(String topic, int atLeast, Duration timeout) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline && records.size() < atLeast) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            // drain what is already there beyond atLeast, so callers can assert "exactly once"
            for (int i = 0; i < 3; i++) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
