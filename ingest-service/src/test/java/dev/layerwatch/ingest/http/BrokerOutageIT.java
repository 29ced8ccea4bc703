package dev.layerwatch.ingest.http;

import static dev.layerwatch.ingest.webhook.WebhookPayloads.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.layerwatch.common.event.Topics;
import dev.layerwatch.testkit.kafka.KafkaBrokerExtension;
import dev.layerwatch.ingest.IngestApplication;
import dev.layerwatch.ingest.http.WebhookHttp.Answer;
import dev.layerwatch.testkit.redis.RedisServerExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A broker outage and recovery: while the broker is down every delivery is answered 503 with Retry-After within
 * the publish timeout, and nothing the service answered 2xx for is missing once the broker is back; the sender's
 * retry then lands exactly once.
 */
@SpringBootTest(classes = IngestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "layerwatch.ingest.distribution.token=dist-token",
        "layerwatch.registries[0].host=127.0.0.1:5000",
        "layerwatch.ingest.publisher.timeout=2s",
        "layerwatch.ingest.publisher.retry-after=4s",
        "management.endpoint.health.show-details=always"})
class BrokerOutageIT {

    @RegisterExtension
    static KafkaBrokerExtension kafka = KafkaBrokerExtension.dedicated();

    @RegisterExtension
    static RedisServerExtension redis = RedisServerExtension.shared();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.stream.kafka.binder.brokers", kafka::bootstrapServers);
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", redis::port);
    }

    @LocalServerPort
    int port;

    @Test
    void brokerDownIs503WithNothingStoredAndTheRetryAfterRecoveryLandsOnce() {
        kafka.createTopics(Topics.IMAGE_PUSHED);
        WebhookHttp http = new WebhookHttp(port);
        String before = UUID.randomUUID().toString();
        String during = UUID.randomUUID().toString();
        assertThat(post(http, before).status()).isEqualTo(202);

        kafka.stop();
        long start = System.nanoTime();
        Answer refused = post(http, during);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Answer health = http.get("/actuator/health");
        kafka.start();
        var afterRecovery = ImagePushedTopic.readNow(kafka.bootstrapServers());
        Answer retried = post(http, during);

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.retryAfter()).isEqualTo("4");
        assertThat(refused.error()).contains("retry later");
        assertThat(took).isLessThan(Duration.ofSeconds(4));
        assertThat(health.json().path("components").path("ingestKafka").path("status").asString()).isEqualTo("DOWN");
        assertThat(afterRecovery).extracting(s -> s.event().sourceEventId())
                .as("the record acknowledged before the outage survived it; the refused one was not stored")
                .contains(before).doesNotContain(during);
        assertThat(retried.status()).isEqualTo(202);
        assertThat(retried.json().path("published").asInt()).isEqualTo(1);
        assertThat(ImagePushedTopic.withSenderId(kafka.bootstrapServers(), during)).hasSize(1);
        assertThat(ImagePushedTopic.withSenderId(kafka.bootstrapServers(), before)).hasSize(1);
    }

    private static Answer post(WebhookHttp http, String eventId) {
        byte[] body = new String(bytes("distribution/manifest-push-oci.json"), StandardCharsets.UTF_8)
                .replace("955868b8-5334-4f56-88f0-3d989f488951", eventId).getBytes(StandardCharsets.UTF_8);
        return http.post("/webhooks/distribution", body, "Content-Type", "application/vnd.docker.distribution.events.v1+json",
                "Authorization", "Bearer dist-token");
    }
}
