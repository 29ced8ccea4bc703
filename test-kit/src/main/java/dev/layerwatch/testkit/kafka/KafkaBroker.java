package dev.layerwatch.testkit.kafka;

import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real Kafka broker in this JVM (KRaft mode, from spring-kafka-test) on a random loopback port. Its log lives
 * in a temp dir. The KRaft test kit cannot pin ports, so a stopped broker cannot come back at the same address:
 * fault tests stop it (clients see the broker vanish) and, where they need it back, start a new one.
 */
public final class KafkaBroker implements AutoCloseable {

    private final int partitions;
    private EmbeddedKafkaKraftBroker broker;

    public KafkaBroker(int partitions) {
        this.partitions = partitions;
    }

    public synchronized KafkaBroker start() {
        if (broker == null) {
            EmbeddedKafkaKraftBroker b = new EmbeddedKafkaKraftBroker(1, partitions);
            b.brokerProperties(Map.of(
                    "auto.create.topics.enable", "true",
                    "offsets.topic.replication.factor", "1",
                    "transaction.state.log.replication.factor", "1",
                    "transaction.state.log.min.isr", "1",
                    "group.initial.rebalance.delay.ms", "0",
                    "num.partitions", String.valueOf(partitions)));
            b.afterPropertiesSet();
            broker = b;
        }
        return this;
    }

    public synchronized void stop() {
        if (broker != null) {
            broker.destroy();
            broker = null;
        }
    }

    public synchronized boolean running() {
        return broker != null;
    }

    /** The bootstrap address, e.g. {@code localhost:41234}. */
    public synchronized String bootstrapServers() {
        if (broker == null) {
            throw new IllegalStateException("the Kafka broker is not running");
        }
        return broker.getBrokersAsString();
    }

    public synchronized void createTopics(String... topics) {
        start();
        for (String topic : topics) {
            if (!broker.getTopics().contains(topic)) {
                broker.addTopicsWithResults(topic);
            }
        }
    }

    @Override
    public void close() {
        stop();
    }
}
