package dev.layerwatch.testkit.kafka;

import java.util.Map;
import kafka.server.BrokerServer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real Kafka broker in this JVM (KRaft mode, from spring-kafka-test) on a random loopback port, its log in a temp
 * dir. For fault tests the broker server can be stopped and started again in place ({@link #stopBroker()},
 * {@link #startBroker()}): the KRaft controller keeps the metadata, clients keep their address, and records written
 * before the outage are still there afterwards.
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

    /** Stops the broker server only; clients see connections refused until {@link #startBroker()}. */
    public synchronized void stopBroker() {
        BrokerServer server = server();
        server.shutdown();
        server.awaitShutdown();
    }

    /** Starts the same broker server again, at the same address, with the log it had. */
    public synchronized void startBroker() {
        server().startup();
    }

    private BrokerServer server() {
        if (broker == null) {
            throw new IllegalStateException("the Kafka broker is not running");
        }
        return broker.getCluster().brokers().values().iterator().next();
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
