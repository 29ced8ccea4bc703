package dev.layerwatch.ingest.http;

import static dev.layerwatch.ingest.webhook.WebhookPayloads.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.layerwatch.ingest.IngestApplication;
import dev.layerwatch.ingest.http.WebhookHttp.Answer;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The HTTP contract without a broker: every flavour's real payload with its own auth form, and every kind of bad
 * input. Registries are configured so that only 127.0.0.1:5999 is known and Kafka points at a closed port, so the
 * senders' own payloads (naming other registries) are acknowledged as unknown-registry and a push for the known
 * registry shows the 503 path.
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
        "layerwatch.ingest.acr.username=acr-user",
        "layerwatch.ingest.ecr.token=ecr-token",
        "layerwatch.registries[0].host=127.0.0.1:5999",
        "layerwatch.registries[0].insecure=true",
        "layerwatch.registries[0].username=ignored-by-ingest",
        "layerwatch.registries[0].password=ignored-by-ingest",
        "layerwatch.ingest.publisher.bootstrap-servers=127.0.0.1:1",
        "layerwatch.ingest.publisher.timeout=1s",
        "layerwatch.ingest.publisher.retry-after=7s",
        "spring.data.redis.host=127.0.0.1",
        "spring.data.redis.port=1",
        "management.endpoint.health.show-details=always"})
class WebhookServletTest {

    private static final String DIST_V1 = "application/vnd.docker.distribution.events.v1+json";

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    WebhookHttp http;

    @BeforeEach
    void client() {
        http = new WebhookHttp(port);
    }

    @Test
    void distributionNeedsItsBearerToken() {
        byte[] body = bytes("distribution/manifest-push-oci.json");

        Answer missing = http.post("/webhooks/distribution", body, "Content-Type", DIST_V1);
        Answer wrong = http.post("/webhooks/distribution", body, "Content-Type", DIST_V1, "Authorization", "Bearer nope-123");
        Answer right = http.post("/webhooks/distribution", body, "Content-Type", DIST_V1, "Authorization", "Bearer dist-token");

        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.error()).contains("no Authorization header");
        assertThat(missing.json().path("status").asInt()).isEqualTo(401);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).doesNotContain("nope-123");
        assertThat(right.status()).isEqualTo(202);
        assertThat(right.json().path("ignored").path("unknown-registry").asInt()).isEqualTo(1);
        assertThat(right.json().path("published").asInt()).isZero();
        assertThat(meters.counter("layerwatch.ingest.events.unknown.registry", "source", "distribution").count()).isPositive();
        assertThat(meters.counter("layerwatch.ingest.webhooks.rejected", "source", "distribution", "status", "401").count()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void distributionAcceptsBothEnvelopeMediaTypesAndPlainJson() {
        for (String type : new String[] {DIST_V1, "application/vnd.docker.distribution.events.v2+json", "application/json; charset=utf-8"}) {
            Answer answer = http.post("/webhooks/distribution", bytes("distribution/pull.json"), "Content-Type", type,
                    "Authorization", "Bearer dist-token");
            assertThat(answer.status()).as(type).isEqualTo(202);
            assertThat(answer.json().path("ignored").path("pull").asInt()).isEqualTo(1);
        }
    }

    @Test
    void eachFlavourAuthenticatesItsOwnWayAndIsAcknowledged() {
        assertAccepted(http.post("/webhooks/harbor", bytes("harbor/push-artifact.json"), "Content-Type", "application/json",
                "Authorization", "Bearer harbor-token"));
        assertAccepted(http.post("/webhooks/harbor", bytes("harbor/push-artifact-cloudevents.json"),
                "Content-Type", "application/cloudevents+json", "Authorization", "Bearer harbor-token"));
        assertAccepted(http.post("/webhooks/dockerhub/hub-secret", bytes("dockerhub/push.json"), "Content-Type", "application/json"));
        assertAccepted(http.post("/webhooks/quay?token=quay-secret", bytes("quay/repo-push.json"), "Content-Type", "application/json"));
        byte[] github = bytes("github/registry-package-published-tagged.json");
        assertAccepted(http.post("/webhooks/github", github, "Content-Type", "application/json", "X-GitHub-Event", "registry_package",
                "X-GitHub-Delivery", "d-1", "X-Hub-Signature-256", "sha256=" + WebhookHttp.hmacSha256Hex("github-secret", github)));
        byte[] jfrog = bytes("artifactory/docker-pushed.json");
        assertAccepted(http.post("/webhooks/artifactory", jfrog, "Content-Type", "application/json",
                "X-JFrog-Event-Auth", WebhookHttp.hmacSha256Hex("jfrog-secret", jfrog)));
        String basic = java.util.Base64.getEncoder().encodeToString("acr-user:acr-token".getBytes(StandardCharsets.UTF_8));
        assertAccepted(http.post("/webhooks/acr", bytes("acr/push.json"), "Content-Type", "application/json", "Authorization", "Basic " + basic));
        assertAccepted(http.post("/webhooks/ecr", bytes("ecr/image-push.json"), "Content-Type", "application/json", "Authorization", "Bearer ecr-token"));
    }

    @Test
    void eachFlavourRefusesAWrongCredential() {
        assertThat(http.post("/webhooks/harbor", bytes("harbor/push-artifact.json"), "Content-Type", "application/json",
                "Authorization", "Bearer dist-token").status()).isEqualTo(401);
        assertThat(http.post("/webhooks/dockerhub/wrong", bytes("dockerhub/push.json"), "Content-Type", "application/json").status()).isEqualTo(401);
        assertThat(http.post("/webhooks/dockerhub", bytes("dockerhub/push.json"), "Content-Type", "application/json",
                "Authorization", "Bearer hub-secret").status()).as("Docker Hub authenticates by URL only").isEqualTo(401);
        assertThat(http.post("/webhooks/quay?token=nope", bytes("quay/repo-push.json"), "Content-Type", "application/json").status()).isEqualTo(401);
        byte[] github = bytes("github/registry-package-published-tagged.json");
        assertThat(http.post("/webhooks/github", github, "Content-Type", "application/json", "X-GitHub-Event", "registry_package",
                "X-Hub-Signature-256", "sha256=" + WebhookHttp.hmacSha256Hex("wrong", github)).status()).isEqualTo(401);
        assertThat(http.post("/webhooks/artifactory", bytes("artifactory/docker-pushed.json"), "Content-Type", "application/json",
                "X-JFrog-Event-Auth", "nope").status()).isEqualTo(401);
        String basic = java.util.Base64.getEncoder().encodeToString("other:acr-token".getBytes(StandardCharsets.UTF_8));
        assertThat(http.post("/webhooks/acr", bytes("acr/push.json"), "Content-Type", "application/json", "Authorization", "Basic " + basic).status())
                .isEqualTo(401);
        assertThat(http.post("/webhooks/ecr", bytes("ecr/image-push.json"), "Content-Type", "application/json").status()).isEqualTo(401);
    }

    @Test
    void unconfiguredAndUnknownSourcesAre404WithAClearError() {
        Answer disabled = http.post("/webhooks/gar/anything", bytes("gar/pubsub-push.json"), "Content-Type", "application/json");
        Answer unknown = http.post("/webhooks/nexus", "{}".getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json");

        assertThat(disabled.status()).isEqualTo(404);
        assertThat(disabled.error()).contains("disabled").contains("layerwatch.ingest.gar.token");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.error()).contains("unknown webhook source 'nexus'");
    }

    @Test
    void otherPathShapesAre404AndOtherMethods405() {
        Answer tooDeep = http.post("/webhooks/dockerhub/secret/more", "{}".getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json");
        Answer bare = http.post("/webhooks/", "{}".getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json");

        assertThat(tooDeep.status()).isEqualTo(404);
        assertThat(tooDeep.error()).contains("/webhooks/{source}/{secret}");
        assertThat(bare.status()).isEqualTo(404);
        assertThat(http.get("/webhooks/distribution").status()).isEqualTo(405);
    }

    @Test
    void wrongContentTypeIs415() {
        Answer answer = http.post("/webhooks/distribution", bytes("distribution/pull.json"), "Content-Type", "text/plain",
                "Authorization", "Bearer dist-token");

        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.error()).contains("application/vnd.docker.distribution.events.v1+json").contains("text/plain");
        assertThat(answer.contentType()).startsWith("application/json");
    }

    @Test
    void malformedJsonAndMissingFieldsAre400NamingTheField() {
        Answer malformed = post("{\"events\": [");
        Answer notAnObject = post("[1,2]");
        Answer missing = post("{\"events\":[{\"id\":\"e\",\"action\":\"push\",\"target\":{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"tag\":\"1\",\"repository\":\"app\"},\"request\":{\"host\":\"127.0.0.1:5999\"}}]}");

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.error()).contains("malformed JSON");
        assertThat(notAnObject.status()).isEqualTo(400);
        // an unreadable event is no 4xx (the registry would resend it forever): it goes to the dead-letter topic,
        // which here is unreachable (no broker), so the answer is a retryable 503
        assertThat(missing.status()).isEqualTo(503);
        assertThat(missing.error()).contains("unreadable events not stored");
    }

    @Test
    void bodiesOverOneMebibyteAre413WithOrWithoutContentLength() {
        byte[] big = new byte[1024 * 1024 + 1];
        Arrays.fill(big, (byte) ' ');
        big[0] = '{';
        big[big.length - 1] = '}';
        Answer declared = http.post("/webhooks/distribution", big, "Content-Type", DIST_V1, "Authorization", "Bearer dist-token");
        Answer chunked = http.send(HttpRequest.newBuilder(URI.create(http.base() + "/webhooks/distribution"))
                .header("Content-Type", DIST_V1).header("Authorization", "Bearer dist-token")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build());

        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.error()).contains("1048576 bytes");
        assertThat(chunked.status()).isEqualTo(413);
        byte[] justUnder = Arrays.copyOf(big, 1024 * 1024);
        justUnder[justUnder.length - 1] = '}';
        assertThat(http.post("/webhooks/distribution", justUnder, "Content-Type", DIST_V1, "Authorization", "Bearer dist-token").status())
                .as("1 MiB exactly is allowed (and is then dead-lettered for lacking events: 503 without a broker)").isEqualTo(503);
    }

    @Test
    void brokerUnavailableIs503WithRetryAfterWithinTheBoundedWait() {
        String push = new String(bytes("distribution/manifest-push-oci.json"), StandardCharsets.UTF_8).replace("127.0.0.1:5000", "127.0.0.1:5999");
        long start = System.nanoTime();

        Answer answer = post(push);

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.retryAfter()).isEqualTo("7");
        assertThat(answer.error()).contains("retry later");
        assertThat(took).isLessThan(Duration.ofSeconds(4));
        assertThat(meters.counter("layerwatch.ingest.publish.failures", "source", "distribution").count()).isPositive();
        assertThat(meters.counter("layerwatch.ingest.dedupe.unavailable", "source", "distribution").count())
                .as("Redis is down too, and that alone never refuses").isPositive();
    }

    @Test
    void healthShowsTheKafkaProducerDown() {
        Answer health = http.get("/actuator/health");

        assertThat(health.json().path("components").path("ingestKafka").path("status").asString()).isEqualTo("DOWN");
        assertThat(health.json().path("components").path("ingestKafka").path("details").path("bootstrapServers").asString())
                .isEqualTo("127.0.0.1:1");
    }

    private Answer post(String json) {
        return http.post("/webhooks/distribution", json.getBytes(StandardCharsets.UTF_8), "Content-Type", DIST_V1, "Authorization", "Bearer dist-token");
    }

    private static void assertAccepted(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        assertThat(answer.json().path("published").asInt()).isZero();
        assertThat(answer.json().path("ignored").path("unknown-registry").asInt()).as(answer.body()).isPositive();
    }
}
