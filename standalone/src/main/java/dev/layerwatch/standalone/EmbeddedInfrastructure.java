package dev.layerwatch.standalone;

import dev.layerwatch.embedded.postgres.PostgresServer;
import dev.layerwatch.testkit.kafka.KafkaBroker;
import dev.layerwatch.testkit.redis.RedisProcess;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the embedded Kafka broker and Redis before the context is built, and points the services at them.
 * Runs after the config files were read, so {@code layerwatch.standalone.kafka.embedded=false} (or
 * {@code LAYERWATCH_STANDALONE_KAFKA_EMBEDDED=false}) in any property source switches to the external broker
 * named by {@code spring.cloud.stream.kafka.binder.brokers}; likewise for Redis and {@code spring.data.redis.*}.
 * The servers live as long as the JVM: one broker and one Redis however many contexts a test suite builds.
 */
public class EmbeddedInfrastructure implements EnvironmentPostProcessor, Ordered {

    static final String KAFKA_EMBEDDED = "layerwatch.standalone.kafka.embedded";
    static final String REDIS_EMBEDDED = "layerwatch.standalone.redis.embedded";
    static final String REDIS_PORT = "layerwatch.standalone.redis.port";

    static final String POSTGRES_EMBEDDED = "layerwatch.standalone.postgres.embedded";
    static final String POSTGRES_DATA_DIR = "layerwatch.standalone.postgres.data-dir";
    static final String POSTGRES_PORT = "layerwatch.standalone.postgres.port";
    static final String DATABASE = "layerwatch";

    private static KafkaBroker kafka;
    private static PostgresServer postgres;
    private static RedisProcess redis;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> props = new LinkedHashMap<>();
        if (environment.getProperty(KAFKA_EMBEDDED, Boolean.class, true)) {
            String brokers = kafka().bootstrapServers();
            props.put("spring.cloud.stream.kafka.binder.brokers", brokers);
            props.put("spring.kafka.bootstrap-servers", brokers);
        }
        if (environment.getProperty(REDIS_EMBEDDED, Boolean.class, true)) {
            RedisProcess r = redis(environment.getProperty(REDIS_PORT, Integer.class, 0));
            props.put("spring.data.redis.host", r.host());
            props.put("spring.data.redis.port", r.port());
        }
        if (environment.getProperty(POSTGRES_EMBEDDED, Boolean.class, true)) {
            // report-service's store: durable (fsync on) in the data directory, so a restart keeps every image's history
            Path dataDir = Path.of(environment.getProperty(POSTGRES_DATA_DIR,
                    Path.of(System.getProperty("user.home"), ".layerwatch", "postgres").toString()));
            PostgresServer pg = postgres(dataDir, environment.getProperty(POSTGRES_PORT, Integer.class, 0));
            props.put("spring.datasource.url", pg.jdbcUrl(DATABASE));
            props.put("spring.datasource.username", pg.user());
        }
        if (!props.isEmpty()) {
            environment.getPropertySources().addFirst(new MapPropertySource("layerwatch-embedded-infrastructure", props));
        }
    }

    private static synchronized KafkaBroker kafka() {
        if (kafka == null) {
            kafka = new KafkaBroker(3).start();
            KafkaBroker k = kafka;
            Runtime.getRuntime().addShutdownHook(new Thread(k::stop, "embedded-kafka-shutdown"));
        }
        return kafka;
    }

    private static synchronized PostgresServer postgres(Path dataDir, int port) {
        if (postgres == null || !postgres.running()) {
            postgres = PostgresServer.durable(dataDir, port).start();
            postgres.createDatabase(DATABASE);
            PostgresServer p = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(p::stop, "embedded-postgres-shutdown"));
        }
        return postgres;
    }

    /** Stops the embedded PostgreSQL (tests: the next context starts it again from the same data directory). */
    static synchronized void stopPostgres() {
        if (postgres != null) {
            postgres.stop();
            postgres = null;
        }
    }

    private static synchronized RedisProcess redis(int port) {
        if (redis == null) {
            redis = new RedisProcess(port).start();
            RedisProcess r = redis;
            Runtime.getRuntime().addShutdownHook(new Thread(r::stop, "embedded-redis-shutdown"));
        }
        return redis;
    }

    @Override
    public int getOrder() {
        // after ConfigDataEnvironmentPostProcessor, so application.yaml and env vars are visible
        return Ordered.LOWEST_PRECEDENCE;
    }
}
