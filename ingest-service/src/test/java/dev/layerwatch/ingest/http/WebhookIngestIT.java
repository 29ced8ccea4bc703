package dev.layerwatch.ingest.http;

import static dev.layerwatch.ingest.webhook.WebhookPayloads.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.layerwatch.common.event.Topics;
import dev.layerwatch.common.event.EventJson;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.JsonNode;
import java.time.Duration;
import dev.layerwatch.ingest.IngestApplication;
import dev.layerwatch.ingest.http.ImagePushedTopic.Stored;
import dev.layerwatch.ingest.http.WebhookHttp.Answer;
import dev.layerwatch.testkit.kafka.KafkaBrokerExtension;
import dev.layerwatch.testkit.redis.RedisServerExtension;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The durability contract on a real broker and a real Redis: a 2xx means the record can already be read from
 * {@code image-pushed.v1}; retried sender event ids are stored once; Redis going away never refuses a delivery;
 * every flavour's real payload reaches the topic. The broker outage is {@link BrokerOutageIT}.
 */
@SpringBootTest(classes = IngestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "layerwatch.ingest.distribution.token=dist-token",
        "layerwatch.ingest.harbor.token=harbor-token",
        "layerwatch.ingest.dockerhub.token=hub-secret",
        "layerwatch.ingest.quay.token=quay-secret",
        "layerwatch.ingest.github.token=github-secret",
        "layerwatch.ingest.artifactory.token=jfrog-secret",
        "layerwatch.ingest.acr.token=acr-token",
        "layerwatch.ingest.ecr.token=ecr-token",
        "layerwatch.ingest.gar.token=gar-secret",
        "layerwatch.registries[0].host=127.0.0.1:5000",
        "layerwatch.registries[1].host=hub.harbor.com",
        "layerwatch.registries[2].host=docker.io",
        "layerwatch.registries[3].host=quay.io",
        "layerwatch.registries[4].host=ghcr.io",
        "layerwatch.registries[5].host=example.jfrog.io",
        "layerwatch.registries[6].host=myregistry.azurecr.io",
        "layerwatch.registries[7].host=123456789012.dkr.ecr.us-west-2.amazonaws.com",
        "layerwatch.registries[8].host=us-west1-docker.pkg.dev",
        "layerwatch.ingest.publisher.timeout=2s",
        "layerwatch.ingest.publisher.retry-after=3s",
        "management.endpoint.health.show-details=always"})
class WebhookIngestIT {

    private static final String DIST = "application/vnd.docker.distribution.events.v2+json";

    @RegisterExtension
    static KafkaBrokerExtension kafka = new KafkaBrokerExtension();

    @RegisterExtension
    static RedisServerExtension redis = RedisServerExtension.dedicated();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.stream.kafka.binder.brokers", kafka::bootstrapServers);
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", redis::port);
    }

    @LocalServerPort
    int port;

    WebhookHttp http;

    @BeforeEach
    void setUp() {
        kafka.createTopics(Topics.IMAGE_PUSHED);
        http = new WebhookHttp(port);
    }

    @Test
    void accepted2xxMeansTheRecordIsAlreadyInTheTopicKeyedByImage() {
        String id = UUID.randomUUID().toString();

        Answer answer = postDistribution(distributionPush(id, "app", "1.0"));
        List<Stored> stored = ImagePushedTopic.withSenderId(kafka.bootstrapServers(), id);

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.json().path("published").asInt()).isEqualTo(1);
        assertThat(stored).singleElement().satisfies(s -> {
            assertThat(s.key()).isEqualTo("127.0.0.1:5000/app@sha256:4799bd67c2bd50b9677e8fc13b78afdd341d80727e5dce3f93b77782166fb0d5");
            assertThat(s.event().source()).isEqualTo("distribution");
            assertThat(s.event().tag()).isEqualTo("1.0");
        });
    }

    @Test
    void anUnreadableEventIsDeadLetteredAndTheRestOfTheEnvelopeIsPublished() {
        String good = UUID.randomUUID().toString();
        String bad = UUID.randomUUID().toString();
        JsonNode goodEvent = EventJson.mapper().readTree(distributionPush(good, "hol", "1.0")).path("events").get(0);
        // the probe's case: a push through "Host: evil_host:5000" names a registry that is not a valid host
        String badEvent = new String(distributionPush(bad, "hol", "2.0"), StandardCharsets.UTF_8)
                .replace("\"127.0.0.1:5000\"", "\"evil_host:5000\"");
        JsonNode badNode = EventJson.mapper().readTree(badEvent).path("events").get(0);
        byte[] envelope = ("{\"events\":[" + badNode + "," + goodEvent + "]}").getBytes(StandardCharsets.UTF_8);

        Answer answer = postDistribution(envelope);

        assertThat(answer.status()).as(answer.json().toString()).isEqualTo(202);
        assertThat(answer.json().path("published").asInt()).isEqualTo(1);
        assertThat(answer.json().path("ignored").path("invalid").asInt()).isEqualTo(1);
        assertThat(ImagePushedTopic.withSenderId(kafka.bootstrapServers(), good)).hasSize(1);
        assertThat(ImagePushedTopic.withSenderId(kafka.bootstrapServers(), bad)).isEmpty();
        List<ConsumerRecord<String, String>> dead = kafka.readAll(Topics.WEBHOOK_DEAD_LETTER, 1, Duration.ofSeconds(15))
                .stream().filter(r -> r.value().contains(bad)).toList();
        assertThat(dead).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("distribution");
            JsonNode record = EventJson.mapper().readTree(r.value());
            assertThat(record.path("senderEventId").asString()).isEqualTo(bad);
            assertThat(record.path("reason").asString()).contains("events[0].request.host");
            assertThat(record.path("event").asString()).contains("evil_host:5000");
        });
    }

    @Test
    void retriedDeliveryOfTheSameEventIdIsStoredOnce() {
        String id = UUID.randomUUID().toString();
        byte[] body = distributionPush(id, "retried", "2.0");

        Answer first = postDistribution(body);
        Answer retry = postDistribution(body);
        Answer again = postDistribution(body);

        assertThat(first.status()).isEqualTo(202);
        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.json().path("duplicates").asInt()).isEqualTo(1);
        assertThat(again.json().path("published").asInt()).isZero();
        assertThat(ImagePushedTopic.withSenderId(kafka.bootstrapServers(), id)).hasSize(1);
    }

    @Test
    void redisDownStillAcceptsAndPublishes() {
        String id = UUID.randomUUID().toString();
        redis.stop();
        Answer answer;
        try {
            answer = postDistribution(distributionPush(id, "no-redis", "4.0"));
        } finally {
            redis.start();
        }

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.json().path("published").asInt()).isEqualTo(1);
        assertThat(ImagePushedTopic.withSenderId(kafka.bootstrapServers(), id)).hasSize(1);
    }

    @Test
    void everyFlavoursRealPayloadReachesTheTopic() {
        byte[] github = bytes("github/registry-package-published-tagged.json");
        byte[] jfrog = bytes("artifactory/docker-pushed.json");
        String delivery = UUID.randomUUID().toString();
        Map<String, Answer> answers = new java.util.LinkedHashMap<>();
        answers.put("harbor", http.post("/webhooks/harbor", unique(bytes("harbor/push-artifact.json")), "Content-Type", "application/json",
                "Authorization", "Bearer harbor-token"));
        answers.put("harbor-cloudevents", http.post("/webhooks/harbor", cloudEvent(), "Content-Type", "application/cloudevents+json",
                "Authorization", "Bearer harbor-token"));
        answers.put("dockerhub", http.post("/webhooks/dockerhub/hub-secret", unique(bytes("dockerhub/push.json")), "Content-Type", "application/json"));
        answers.put("quay", http.post("/webhooks/quay?token=quay-secret", unique(bytes("quay/repo-push.json")), "Content-Type", "application/json"));
        answers.put("github", http.post("/webhooks/github", github, "Content-Type", "application/json", "X-GitHub-Event", "registry_package",
                "X-GitHub-Delivery", delivery, "X-Hub-Signature-256", "sha256=" + WebhookHttp.hmacSha256Hex("github-secret", github)));
        byte[] jfrogUnique = unique(jfrog);
        answers.put("artifactory", http.post("/webhooks/artifactory", jfrogUnique, "Content-Type", "application/json",
                "X-JFrog-Event-Auth", "jfrog-secret"));
        answers.put("acr", http.post("/webhooks/acr", withId(bytes("acr/push.json"), "cb8c3971-9adc-488b-xxxx-43cbb4974ff5"),
                "Content-Type", "application/json", "Authorization", "Bearer acr-token"));
        answers.put("ecr", http.post("/webhooks/ecr", withId(bytes("ecr/image-push.json"), "13cde686-328b-6117-af20-0e5566167482"),
                "Content-Type", "application/json", "Authorization", "Bearer ecr-token"));
        answers.put("gar", http.post("/webhooks/gar/gar-secret", withId(bytes("gar/pubsub-push.json"), "153364794594948"),
                "Content-Type", "application/json"));

        answers.forEach((flavour, answer) -> {
            assertThat(answer.status()).as(flavour + ": " + answer.body()).isEqualTo(202);
            assertThat(answer.json().path("published").asInt()).as(flavour + ": " + answer.body()).isEqualTo(1);
        });
        List<Stored> github2 = ImagePushedTopic.withSenderId(kafka.bootstrapServers(), delivery);
        assertThat(github2).singleElement().satisfies(s -> assertThat(s.key())
                .isEqualTo("ghcr.io/codertocat/hello-world@sha256:3da1996a8115d7616457760d9920b815241d0a03b34cf5f04e9a0e9d8de37498"));
        assertThat(ImagePushedTopic.readNow(kafka.bootstrapServers())).extracting(Stored::key)
                .contains("docker.io/svendowideit/testhook:latest", "quay.io/dgangaia/test:latest",
                        "us-west1-docker.pkg.dev/my-project/my-repo/hello-world@sha256:17f4431497a07da98bc16e599ef9d38afb9817049b6e98b71b7e321b946a24d4");
    }

    @Test
    void healthReportsTheKafkaProducerUp() {
        Answer health = http.get("/actuator/health");

        assertThat(health.json().path("components").path("ingestKafka").path("status").asString()).isEqualTo("UP");
    }

    private Answer postDistribution(byte[] body) {
        return http.post("/webhooks/distribution", body, "Content-Type", DIST, "Authorization", "Bearer dist-token");
    }

    /** The captured tagged push with a fresh event id, repository and tag. */
    private static byte[] distributionPush(String id, String repository, String tag) {
        return new String(bytes("distribution/manifest-push-oci.json"), StandardCharsets.UTF_8)
                .replace("955868b8-5334-4f56-88f0-3d989f488951", id)
                .replace("\"debian-base\"", "\"" + repository + "\"")
                .replace("\"bookworm\"", "\"" + tag + "\"")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Senders without ids get an id from the body's bytes: a trailing space makes this run's body new. */
    private static byte[] unique(byte[] body) {
        return (new String(body, StandardCharsets.UTF_8) + " ".repeat(1 + (int) (System.nanoTime() % 50)) + "\n"
                + UUID.randomUUID().toString().replaceAll("[^ ]", " ")).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] withId(byte[] body, String id) {
        return new String(body, StandardCharsets.UTF_8).replace(id, UUID.randomUUID().toString().replace("-", "").substring(0, 15))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] cloudEvent() {
        return new String(bytes("harbor/push-artifact-cloudevents.json"), StandardCharsets.UTF_8)
                .replace("4b2f89a6-548d-4c12-9993-a1f5790b97d2", UUID.randomUUID().toString()).getBytes(StandardCharsets.UTF_8);
    }
}
