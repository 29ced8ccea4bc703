package dev.layerwatch.ingest.publish;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Actuator health {@code ingestKafka}: UP when the brokers the publisher writes to answer a cluster description
 * within a second, DOWN otherwise. Down means webhooks are being answered 503.
 */
@Component
public class IngestKafkaHealthIndicator implements HealthIndicator, DisposableBean {

    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(1);

    private final Admin admin;
    private final String bootstrapServers;

    public IngestKafkaHealthIndicator(IngestPublisherProperties properties) {
        this.bootstrapServers = properties.bootstrapServers();
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "layerwatch-ingest-health",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) CHECK_TIMEOUT.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) CHECK_TIMEOUT.toMillis(),
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000));
    }

    @Override
    public Health health() {
        try {
            Collection<Node> nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) CHECK_TIMEOUT.toMillis()))
                    .nodes().get(CHECK_TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS);
            return Health.up().withDetail("bootstrapServers", bootstrapServers).withDetail("brokers", nodes.size()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().withDetail("bootstrapServers", bootstrapServers).withDetail("error", "interrupted").build();
        } catch (Exception e) {
            return Health.down().withDetail("bootstrapServers", bootstrapServers)
                    .withDetail("error", "Kafka brokers did not answer within " + CHECK_TIMEOUT.toMillis() + " ms: " + e).build();
        }
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(2));
    }
}
