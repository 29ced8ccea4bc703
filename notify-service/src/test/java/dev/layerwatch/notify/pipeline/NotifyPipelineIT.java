package dev.layerwatch.notify.pipeline;

import static dev.layerwatch.notify.ScanFixtures.DIGEST_V1;
import static dev.layerwatch.notify.ScanFixtures.log4Shell;
import static dev.layerwatch.notify.ScanFixtures.log4ShellFollowUp;
import static dev.layerwatch.notify.ScanFixtures.scan;
import static dev.layerwatch.notify.ScanFixtures.vulnerableScan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.layerwatch.common.event.EventJson;
import dev.layerwatch.notify.Eventually;
import dev.layerwatch.common.event.Topics;
import dev.layerwatch.notify.FakeHttpServer;
import dev.layerwatch.notify.NotifyApplication;
import dev.layerwatch.notify.delivery.FailedDelivery;
import dev.layerwatch.notify.jira.FakeJiraApi;
import dev.layerwatch.notify.jira.JiraFlavor;
import dev.layerwatch.notify.slack.FakeSlackApi;
import dev.layerwatch.notify.webhook.WebhookSignature;
import dev.layerwatch.testkit.kafka.KafkaBrokerExtension;
import dev.layerwatch.testkit.redis.RedisServerExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service on a real broker and a real Redis, with Slack (incoming webhook), Jira Cloud and a
 * CloudEvents receiver faked on loopback.
 */
@SpringBootTest(classes = NotifyApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotifyPipelineIT {

    @RegisterExtension
    static KafkaBrokerExtension kafka = new KafkaBrokerExtension();
    @RegisterExtension
    static RedisServerExtension redis = RedisServerExtension.shared();

    static final FakeSlackApi SLACK = new FakeSlackApi();
    static final FakeJiraApi JIRA = new FakeJiraApi(JiraFlavor.CLOUD);
    static final FakeHttpServer RECEIVER = new FakeHttpServer(r -> FakeHttpServer.Response.text(202, ""));
    static final String SECRET = "webhook-secret";

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        kafka.createTopics(Topics.SCAN_COMPLETED, Topics.retry(Topics.SCAN_COMPLETED), Topics.deadLetter(Topics.SCAN_COMPLETED));
        r.add("spring.cloud.stream.kafka.binder.brokers", kafka::bootstrapServers);
        r.add("spring.data.redis.host", redis::host);
        r.add("spring.data.redis.port", redis::port);
        r.add("layerwatch.notify.slack.webhook-url", SLACK::webhookUrl);
        r.add("layerwatch.notify.jira.base-url", JIRA::baseUrl);
        r.add("layerwatch.notify.jira.email", () -> FakeJiraApi.EMAIL);
        r.add("layerwatch.notify.jira.api-token", () -> FakeJiraApi.API_TOKEN);
        r.add("layerwatch.notify.jira.project-key", () -> FakeJiraApi.PROJECT);
        r.add("layerwatch.notify.webhook.url", () -> RECEIVER.url("/events"));
        r.add("layerwatch.notify.webhook.secret", () -> SECRET);
        r.add("layerwatch.notify.delivery.initial-backoff", () -> "100ms");
        r.add("spring.cloud.stream.kafka.binder.consumer-properties.auto.offset.reset", () -> "earliest");
    }

    @AfterAll
    static void stop() {
        SLACK.close();
        JIRA.close();
        RECEIVER.close();
    }

    @Test
    @Order(1)
    void oneScanOneSlackMessageTicketsAndASignedCloudEventAndOnlyNewsAfterwards() throws Exception {
        try (ScanPublisher publisher = new ScanPublisher(kafka.bootstrapServers())) {
            publisher.publish(vulnerableScan("evt-pipeline-1"));
            Eventually.await("one Slack message, three tickets, one CloudEvent", Duration.ofSeconds(60),
                    () -> SLACK.accepted().size() == 1 && JIRA.issues().size() == 3 && RECEIVER.requests().size() == 1);

            FakeHttpServer.Request event = RECEIVER.requests().getFirst();
            assertThat(event.header(WebhookSignature.HEADER))
                    .isEqualTo(WebhookSignature.of(SECRET, event.body().getBytes(StandardCharsets.UTF_8)));
            assertThat(EventJson.mapper().readTree(event.body()).path("type").asString()).isEqualTo("dev.layerwatch.scan.completed");

            publisher.publish(vulnerableScan("evt-pipeline-1"));            // the same event redelivered
            publisher.publish(vulnerableScan("evt-pipeline-2"));            // a re-scan that finds nothing new
            publisher.publish(scan("evt-pipeline-3", "1.4.2", DIGEST_V1,   // a re-scan with one new finding
                    List.of(log4Shell(), log4ShellFollowUp())));
            Eventually.await("the follow-up Slack message", Duration.ofSeconds(60), () -> SLACK.accepted().size() == 2);
            Thread.sleep(3000); // let anything wrongly sent arrive

            assertThat(SLACK.accepted()).hasSize(2);
            assertThat(SLACK.accepted().get(1).toString()).contains("New findings in").contains("CVE-2021-45046").doesNotContain("CVE-2023-0286");
            assertThat(RECEIVER.requests()).hasSize(2);
            assertThat(JIRA.issues()).hasSize(4);
        }
    }

    @Test
    @Order(2)
    void rejectionsGoStraightToTheDeadLetterTopicWithTheApiMessage() {
        SLACK.server().script(FakeHttpServer.Response.text(400, "invalid_blocks"));
        try (ScanPublisher publisher = new ScanPublisher(kafka.bootstrapServers())) {
            publisher.publish(scan("evt-reject", "9.9.9", dev.layerwatch.notify.ScanFixtures.DIGEST_FIXED, List.of(log4Shell())));
        }

        List<ConsumerRecord<String, String>> dead = kafka.readAll(Topics.deadLetter(Topics.SCAN_COMPLETED), 1, Duration.ofSeconds(60));

        FailedDelivery failed = EventJson.read(dead.getFirst().value(), FailedDelivery.class);
        assertThat(failed.target()).isEqualTo("slack:webhook");
        assertThat(failed.reason()).contains("HTTP 400").contains("invalid_blocks");
        assertThat(failed.scan().eventId()).isEqualTo("evt-reject");
        assertThat(dead.getFirst().key()).isEqualTo(failed.scan().key());
    }
}
