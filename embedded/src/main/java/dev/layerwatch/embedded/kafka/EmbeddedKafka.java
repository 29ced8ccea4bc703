package dev.layerwatch.embedded.kafka;

import dev.layerwatch.embedded.BindAddress;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka broker in this JVM built from Kafka's own server classes: one {@link KafkaRaftServer} in KRaft combined
 * mode (broker and controller, node 1, static single-voter quorum). Its log lives in {@code logDir}, formatted on
 * first start and reused on every later one, so records and committed offsets survive a restart of the JVM — also
 * an unclean one: records are written to the log before they are acknowledged, and the operating system keeps
 * what a killed process wrote (a power loss can still take the last unflushed seconds; see the README).
 * {@link #stop()} shuts the server down cleanly and never deletes the log.
 *
 * <p>The controller listener is always on loopback; the broker listener on the configured {@link BindAddress}.
 * Ports are chosen once (0 = a free port) and kept for the life of this object, so {@link #restart()} brings the
 * broker back at the same address with the log it had — what fault tests need.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final int NODE_ID = 1;
    private static final String CONTROLLER = "CONTROLLER";
    private static final String BROKER = "PLAINTEXT";

    private final Path logDir;
    private final BindAddress bind;
    private final int brokerPort;
    private final int controllerPort;
    private final int partitions;
    private final Map<String, String> overrides;
    private KafkaRaftServer server;

    private EmbeddedKafka(Builder b) {
        this.logDir = b.logDir.toAbsolutePath().normalize();
        this.bind = b.bind;
        this.brokerPort = b.port == 0 ? bind.freePort() : b.port;
        this.controllerPort = BindAddress.LOOPBACK.freePort();
        this.partitions = b.partitions;
        this.overrides = Map.copyOf(b.overrides);
    }

    public static Builder builder(Path logDir) {
        return new Builder(logDir);
    }

    public synchronized EmbeddedKafka start() {
        if (server != null) {
            return this;
        }
        KafkaConfig config = config();
        formatIfNew(config);
        KafkaRaftServer s = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            s.startup();
        } catch (RuntimeException e) {
            s.shutdown();
            s.awaitShutdown();
            throw new IllegalStateException("embedded Kafka did not start on " + bootstrapServers() + " (log " + logDir + ")", e);
        }
        server = s;
        awaitReady(Duration.ofSeconds(60));
        LOG.info("embedded Kafka (KRaft) on {}, log {}", bootstrapServers(), logDir);
        return this;
    }

    /** Clean shutdown; the log stays where it is for the next start. */
    public synchronized void stop() {
        if (server != null) {
            KafkaRaftServer s = server;
            server = null;
            s.shutdown();
            s.awaitShutdown();
        }
    }

    /** Stops and starts again at the same address with the same log. */
    public synchronized void restart() {
        stop();
        start();
    }

    public synchronized boolean running() {
        return server != null;
    }

    /** {@code host:port} of the broker listener. */
    public String bootstrapServers() {
        return bind.advertisedHost() + ":" + brokerPort;
    }

    public Path logDir() {
        return logDir;
    }

    public int controllerPort() {
        return controllerPort;
    }

    /** Creates the topics that do not exist yet, with this broker's default partition count. */
    public void createTopics(String... topics) {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String t : topics) {
                if (!existing.contains(t)) {
                    missing.add(new NewTopic(t, partitions, (short) 1));
                }
            }
            if (missing.isEmpty()) {
                return;
            }
            try {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create topics on " + bootstrapServers(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted creating topics", e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + brokerPort,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        try (Admin admin = admin()) {
            while (System.nanoTime() < deadline) {
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    last = e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted waiting for the embedded broker", e);
                }
            }
        }
        throw new IllegalStateException("embedded Kafka on " + bootstrapServers() + " not ready within " + timeout, last);
    }

    private KafkaConfig config() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        p.put("controller.listener.names", CONTROLLER);
        p.put("listeners", BROKER + "://" + bindHost() + ":" + brokerPort + "," + CONTROLLER + "://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", BROKER + "://" + bind.advertisedHost() + ":" + brokerPort);
        p.put("listener.security.protocol.map", BROKER + ":PLAINTEXT," + CONTROLLER + ":PLAINTEXT");
        p.put("inter.broker.listener.name", BROKER);
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", String.valueOf(partitions));
        p.put("auto.create.topics.enable", "true");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("log.retention.hours", "168");
        p.putAll(overrides);
        Properties props = new Properties();
        props.putAll(p);
        return KafkaConfig.fromProps(props, false);
    }

    private String bindHost() {
        return bind.wildcard() ? "0.0.0.0" : bind.host();
    }

    /** Formats the log directory the way {@code kafka-storage.sh format} does, unless it already was. */
    private void formatIfNew(KafkaConfig config) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(logDir);
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(logDir.toString()))
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .setControllerListenerName(CONTROLLER)
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setIgnoreFormatted(true)
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot format Kafka log directory " + logDir, e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot format Kafka log directory " + logDir, e);
        }
    }

    public static final class Builder {
        private final Path logDir;
        private BindAddress bind = BindAddress.LOOPBACK;
        private int port;
        private int partitions = 3;
        private final Map<String, String> overrides = new LinkedHashMap<>();

        private Builder(Path logDir) {
            this.logDir = logDir;
        }

        /** The broker listener's address (the controller stays on loopback). */
        public Builder bind(BindAddress address) {
            this.bind = address;
            return this;
        }

        /** The broker port; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder partitions(int partitions) {
            this.partitions = partitions;
            return this;
        }

        /** Any further broker setting. */
        public Builder brokerProperty(String key, String value) {
            overrides.put(key, value);
            return this;
        }

        public EmbeddedKafka build() {
            return new EmbeddedKafka(this);
        }
    }
}
