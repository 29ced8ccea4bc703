package dev.layerwatch.standalone;

import dev.layerwatch.embedded.BindAddress;
import dev.layerwatch.embedded.DataDirectory;
import dev.layerwatch.embedded.kafka.EmbeddedKafka;
import dev.layerwatch.embedded.postgres.PostgresServer;
import dev.layerwatch.embedded.redis.EmbeddedRedis;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the embedded Kafka broker and Redis before the context is built, in one data directory
 * ({@code layerwatch.standalone.data-dir}, default {@code ~/.layerwatch}: {@code kafka/}, {@code redis/},
 * {@code vulndb/}, later {@code postgres/}), and points the services at them. Both listen on
 * {@code layerwatch.standalone.bind-address} (loopback unless widened; the broker's controller stays on loopback).
 * Runs after the config files were read, so {@code layerwatch.standalone.kafka.embedded=false} (or
 * {@code LAYERWATCH_STANDALONE_KAFKA_EMBEDDED=false}) in any property source switches to the external broker named by
 * {@code spring.cloud.stream.kafka.binder.brokers}; likewise for Redis and {@code spring.data.redis.*}.
 *
 * <p>The servers live as long as the JVM and stop only after every Spring context has closed (a Spring Boot shutdown
 * handler), so consumers commit and producers flush against a running broker on SIGTERM. Stopping never deletes
 * their files. A redis-server orphaned by a killed predecessor is stopped at start-up (pid file in {@code redis/}).
 */
public class EmbeddedInfrastructure implements EnvironmentPostProcessor, Ordered {

    static final String DATA_DIR = "layerwatch.standalone.data-dir";
    static final String BIND_ADDRESS = "layerwatch.standalone.bind-address";
    static final String KAFKA_EMBEDDED = "layerwatch.standalone.kafka.embedded";
    static final String KAFKA_PORT = "layerwatch.standalone.kafka.port";
    static final String REDIS_EMBEDDED = "layerwatch.standalone.redis.embedded";
    static final String REDIS_PORT = "layerwatch.standalone.redis.port";
    static final String REDIS_MAX_MEMORY = "layerwatch.standalone.redis.max-memory";
    static final String REDIS_MAX_MEMORY_POLICY = "layerwatch.standalone.redis.max-memory-policy";
    static final String REDIS_WATCHDOG = "layerwatch.standalone.redis.watchdog";
    static final String REDIS_APPENDFSYNC = "layerwatch.standalone.redis.appendfsync";
    static final String POSTGRES_EMBEDDED = "layerwatch.standalone.postgres.embedded";
    static final String POSTGRES_DATA_DIR = "layerwatch.standalone.postgres.data-dir";
    static final String POSTGRES_PORT = "layerwatch.standalone.postgres.port";
    static final String DATABASE = "layerwatch";

    // deferred: logging is not initialised yet while environment post-processors run; replayed once it is
    private final Log log;

    private static DataDirectory dataDir;
    private static EmbeddedKafka kafka;
    private static EmbeddedRedis redis;
    private static PostgresServer postgres;

    public EmbeddedInfrastructure(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(EmbeddedInfrastructure.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean kafkaEmbedded = environment.getProperty(KAFKA_EMBEDDED, Boolean.class, true);
        boolean redisEmbedded = environment.getProperty(REDIS_EMBEDDED, Boolean.class, true);
        Map<String, Object> props = new LinkedHashMap<>();
        DataDirectory dir = dataDirectory(environment);
        log.info("data directory " + dir.root());
        if (!environment.containsProperty("layerwatch.vulndb.dir")) {
            props.put("layerwatch.vulndb.dir", dir.component(DataDirectory.VULNDB).toString());
        }
        BindAddress bind = new BindAddress(environment.getProperty(BIND_ADDRESS, BindAddress.LOOPBACK.host()));
        if ((kafkaEmbedded || redisEmbedded) && !bind.loopback()) {
            log.warn(BIND_ADDRESS + "=" + bind.host() + ": the embedded Kafka broker and Redis accept unauthenticated clients from the network");
        }
        if (kafkaEmbedded) {
            EmbeddedKafka k = kafka(dir, bind, environment.getProperty(KAFKA_PORT, Integer.class, 0));
            String brokers = k.bootstrapServers();
            log.info("embedded Kafka (KRaft) on " + brokers + ", log " + k.logDir());
            props.put("spring.cloud.stream.kafka.binder.brokers", brokers);
            props.put("spring.kafka.bootstrap-servers", brokers);
        }
        if (redisEmbedded) {
            EmbeddedRedis r = redis(dir, bind, environment);
            r.sweptOrphan().ifPresent(pid -> log.warn("stopped redis-server pid " + pid + ", orphaned by a previous run that did not shut down"));
            log.info("embedded Redis on " + r.host() + ":" + r.port() + ", data " + r.dataDir().map(Path::toString).orElse("-"));
            props.put("spring.data.redis.host", r.host());
            props.put("spring.data.redis.port", r.port());
        }
        if (environment.getProperty(POSTGRES_EMBEDDED, Boolean.class, true)) {
            // report-service's store: durable (fsync on) in the data directory, so a restart keeps every image's history
            String configured = environment.getProperty(POSTGRES_DATA_DIR);
            Path pgData = configured == null || configured.isBlank() ? dir.component(DataDirectory.POSTGRES) : Path.of(configured);
            if ((configured == null || configured.isBlank()) && !PostgresServer.usableDataDir(pgData)) {
                // under root PostgreSQL runs as the postgres user, who cannot enter a 0700 home (/root) or temp dir
                Path relocated = Path.of("/var/lib/layerwatch/postgres", Integer.toHexString(dir.root().toAbsolutePath().toString().hashCode()));
                log.warn("the postgres user cannot reach " + pgData + ": PostgreSQL data kept in " + relocated
                        + " instead (set " + POSTGRES_DATA_DIR + " to choose)");
                pgData = relocated;
            }
            PostgresServer pg = postgres(pgData, environment.getProperty(POSTGRES_PORT, Integer.class, 0));
            log.info("embedded PostgreSQL on " + pg.jdbcUrl(DATABASE) + ", data " + pgData);
            props.put("spring.datasource.url", pg.jdbcUrl(DATABASE));
            props.put("spring.datasource.username", pg.user());
        }
        environment.getPropertySources().addFirst(new MapPropertySource("layerwatch-embedded-infrastructure", props));
    }

    private static synchronized DataDirectory dataDirectory(ConfigurableEnvironment environment) {
        if (dataDir == null) {
            String configured = environment.getProperty(DATA_DIR);
            Path root = configured == null || configured.isBlank() ? DataDirectory.defaultRoot() : Path.of(configured);
            dataDir = DataDirectory.open(root);
            // after every context closed: Boot's shutdown hook runs its handlers last, in this order's reverse
            SpringApplication.getShutdownHandlers().add(EmbeddedInfrastructure::stopAll);
        }
        return dataDir;
    }

    private static synchronized EmbeddedKafka kafka(DataDirectory dir, BindAddress bind, int port) {
        if (kafka == null) {
            kafka = EmbeddedKafka.builder(dir.component(DataDirectory.KAFKA)).bind(bind).port(port).partitions(3).build().start();
        }
        return kafka;
    }

    private static synchronized EmbeddedRedis redis(DataDirectory dir, BindAddress bind, ConfigurableEnvironment environment) {
        if (redis == null) {
            redis = EmbeddedRedis.builder()
                    .dataDir(dir.component(DataDirectory.REDIS))
                    .bind(bind)
                    .port(environment.getProperty(REDIS_PORT, Integer.class, 0))
                    .maxMemory(environment.getProperty(REDIS_MAX_MEMORY, "256mb"))
                    .maxMemoryPolicy(environment.getProperty(REDIS_MAX_MEMORY_POLICY, "noeviction"))
                    // always: everysec may answer a write it postponed (slow fsync) and lose it to a SIGKILL
                    .appendFsync(environment.getProperty(REDIS_APPENDFSYNC, "always"))
                    .watchdog(environment.getProperty(REDIS_WATCHDOG, Boolean.class, true))
                    .build()
                    .start();
        }
        return redis;
    }

    private static synchronized PostgresServer postgres(Path dataDir, int port) {
        if (postgres == null || !postgres.running()) {
            postgres = PostgresServer.durable(dataDir, port).start();
            postgres.createDatabase(DATABASE);
        }
        return postgres;
    }

    /** Stops the embedded PostgreSQL (tests: the next context starts it again from the same data directory). */
    static synchronized void stopPostgres() {
        if (postgres != null) {
            try {
                postgres.stop();
            } catch (RuntimeException e) {
                System.err.println("stopping embedded PostgreSQL: " + e);
            }
            postgres = null;
        }
    }

    /** PostgreSQL, Redis and the broker stop (cleanly, files kept), then the data directory is unlocked. */
    static synchronized void stopAll() {
        stopPostgres();
        if (redis != null) {
            try {
                redis.stop();
            } catch (RuntimeException e) {
                System.err.println("stopping embedded Redis: " + e);
            }
            redis = null;
        }
        if (kafka != null) {
            try {
                kafka.stop();
            } catch (RuntimeException e) {
                System.err.println("stopping embedded Kafka: " + e);
            }
            kafka = null;
        }
        if (dataDir != null) {
            dataDir.close();
            dataDir = null;
        }
    }

    @Override
    public int getOrder() {
        // after ConfigDataEnvironmentPostProcessor, so application.yaml and env vars are visible
        return Ordered.LOWEST_PRECEDENCE;
    }
}
