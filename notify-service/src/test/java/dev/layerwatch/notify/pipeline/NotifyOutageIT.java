package dev.layerwatch.notify.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerwatch.common.event.ScanCompleted;
import dev.layerwatch.common.event.Topics;
import dev.layerwatch.common.finding.VulnerabilityFinding;
import dev.layerwatch.common.image.Digest;
import dev.layerwatch.notify.Eventually;
import dev.layerwatch.notify.FakeHttpServer;
import dev.layerwatch.notify.NotifyApplication;
import dev.layerwatch.notify.ScanFixtures;
import dev.layerwatch.notify.jira.FakeJiraApi;
import dev.layerwatch.notify.jira.JiraFlavor;
import dev.layerwatch.notify.slack.FakeSlackApi;
import dev.layerwatch.testkit.kafka.KafkaBrokerExtension;
import dev.layerwatch.testkit.redis.RedisServerExtension;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Slack and Jira down while scans keep completing: after they come back every notification arrives,
 * none twice. The outage lasts {@code -Dlayerwatch.bench.outage-seconds} (20 here; bench/notify.sh runs 120).
 */
@SpringBootTest(classes = NotifyApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "layerwatch.notify.delivery.attempts=2",
        "layerwatch.notify.delivery.initial-backoff=100ms",
        "layerwatch.notify.delivery.timeout=2s",
        "layerwatch.notify.delivery.retry-topic-backoff=1s",
        "layerwatch.notify.delivery.retry-topic-max-backoff=4s",
        "layerwatch.notify.delivery.retry-topic-attempts=500",
        "layerwatch.notify.delivery.circuit-open-for=2s",
        "spring.cloud.stream.kafka.binder.consumer-properties.auto.offset.reset=earliest"})
class NotifyOutageIT {

    static final int OUTAGE_SECONDS = Integer.getInteger("layerwatch.bench.outage-seconds", 20);
    static final int SCANS = Math.max(10, OUTAGE_SECONDS / 5);

    @RegisterExtension
    static KafkaBrokerExtension kafka = new KafkaBrokerExtension();
    @RegisterExtension
    static RedisServerExtension redis = RedisServerExtension.dedicated();

    static final FakeSlackApi SLACK = new FakeSlackApi();
    static final FakeJiraApi JIRA = new FakeJiraApi(JiraFlavor.CLOUD);

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
    }

    @AfterAll
    static void stop() {
        SLACK.close();
        JIRA.close();
    }

    static ScanCompleted scanOf(int i) {
        VulnerabilityFinding log4j = ScanFixtures.log4Shell();
        ScanCompleted base = ScanFixtures.scan("evt-outage-" + i, "1.0." + i,
                Digest.parse("sha256:" + String.format("%064x", 0xabc000 + i)), List.of(log4j));
        return new ScanCompleted(base.eventId(), base.schemaVersion(), base.causationId(), base.status(), null, base.registry(),
                "shop/service-" + i, base.tag(), base.digest(), base.manifestDigest(), base.platform(), base.os(), base.summary(),
                base.findings(), List.of(), List.of(), List.of(), base.vulnDbVersion(), base.scannerVersion(), base.scannedAt());
    }

    @Test
    void everyNotificationArrivesAfterTheOutageAndNoneTwice() throws Exception {
        SLACK.server().down();
        JIRA.server().down();
        try (ScanPublisher publisher = new ScanPublisher(kafka.bootstrapServers())) {
            for (int i = 0; i < SCANS; i++) {
                publisher.publish(scanOf(i));
                Thread.sleep(TimeUnit.SECONDS.toMillis(OUTAGE_SECONDS) / SCANS);
            }
            // a broker redelivery of an event that is still waiting on the retry topic
            publisher.publish(scanOf(0));
        }
        SLACK.server().up();
        JIRA.server().up();
        long recovered = System.nanoTime();

        Eventually.await(SCANS + " Slack messages and " + SCANS + " tickets", Duration.ofSeconds(60 + 2L * SCANS),
                () -> SLACK.accepted().size() >= SCANS && JIRA.issues().size() >= SCANS);
        long drained = System.nanoTime();
        Thread.sleep(8000); // late duplicates would arrive here

        Set<String> images = new HashSet<>();
        SLACK.accepted().forEach(m -> images.add(m.at("/blocks/1/text/text").asString()));
        assertThat(SLACK.accepted()).hasSize(SCANS);
        assertThat(images).hasSize(SCANS);
        assertThat(JIRA.issues()).hasSize(SCANS);
        assertThat(JIRA.issues().stream().map(i -> i.labels.get(1)).distinct()).hasSize(SCANS);
        assertThat(JIRA.issues()).allSatisfy(i -> assertThat(i.comments).isEmpty());
        System.out.printf("notify outage %ds, %d scans: all delivered %d ms after recovery, %d Slack posts, %d tickets%n",
                OUTAGE_SECONDS, SCANS, TimeUnit.NANOSECONDS.toMillis(drained - recovered), SLACK.accepted().size(), JIRA.issues().size());
    }
}
