package dev.layerwatch.ingest.http;

import dev.layerwatch.testkit.net.FreePorts;
import kafka.server.BrokerServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real in-JVM KRaft broker on a pinned loopback port whose broker process can be stopped and started again at
 * the same address with its log intact, so a test sees a true outage and recovery: clients keep their
 * configuration and records written before the outage are still there afterwards. (The shared test-kit broker
 * comes back at a new, empty address, which cannot show "nothing was lost".)
 */
public final class RestartableKafkaBroker implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    private final int port = FreePorts.next();
    private EmbeddedKafkaKraftBroker broker;

    public synchronized String bootstrapServers() {
        start();
        return broker.getBrokersAsString();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public synchronized void close() {
        if (broker != null) {
            broker.destroy();
            broker = null;
        }
    }

    public synchronized void createTopics(String... topics) {
        start();
        for (String topic : topics) {
            if (!broker.getTopics().contains(topic)) {
                broker.addTopicsWithResults(topic);
            }
        }
    }

    /** Stops the broker server (the KRaft controller keeps the metadata); clients see connections refused. */
    public synchronized void stopBroker() {
        BrokerServer server = server();
        server.shutdown();
        server.awaitShutdown();
    }

    /** Starts the same broker again on the same port, with the log it had. */
    public synchronized void startBroker() {
        server().startup();
    }

    private BrokerServer server() {
        return broker.getCluster().brokers().values().iterator().next();
    }

    private void start() {
        if (broker == null) {
            EmbeddedKafkaKraftBroker b = new EmbeddedKafkaKraftBroker(1, 1).kafkaPorts(port);
            b.afterPropertiesSet();
            broker = b;
        }
    }
}
