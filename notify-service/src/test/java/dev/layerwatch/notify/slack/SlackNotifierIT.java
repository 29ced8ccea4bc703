package dev.layerwatch.notify.slack;

import static dev.layerwatch.notify.ScanFixtures.DIGEST_V2;
import static dev.layerwatch.notify.ScanFixtures.log4Shell;
import static dev.layerwatch.notify.ScanFixtures.log4ShellFollowUp;
import static dev.layerwatch.notify.ScanFixtures.scan;
import static dev.layerwatch.notify.ScanFixtures.vulnerableScan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerwatch.common.event.ScanCompleted;
import dev.layerwatch.notify.FakeHttpServer;
import dev.layerwatch.notify.GoldenJson;
import dev.layerwatch.notify.RedisLedger;
import dev.layerwatch.notify.delivery.NotifyHttpTransport;
import dev.layerwatch.notify.delivery.RejectedDelivery;
import dev.layerwatch.notify.routing.ChannelKind;
import dev.layerwatch.notify.routing.Notification;
import dev.layerwatch.notify.routing.Target;
import dev.layerwatch.testkit.redis.RedisServerExtension;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

class SlackNotifierIT {

    @RegisterExtension
    static RedisServerExtension redis = RedisServerExtension.shared();

    private final FakeSlackApi slack = new FakeSlackApi("C0SEC");
    private final NotifyHttpTransport http = new NotifyHttpTransport(Duration.ofSeconds(2));
    private RedisLedger ledger;

    @BeforeEach
    void connect() {
        redis.flushAll();
        ledger = new RedisLedger(redis.host(), redis.port());
    }

    @AfterEach
    void close() {
        ledger.close();
        slack.close();
    }

    private SlackNotifier webhookNotifier() {
        return new SlackNotifier(new SlackProperties(slack.webhookUrl(), null, null, null,
                "https://layerwatch.example.com/reports/{repository}@{digest}", 0), http, ledger.ledger());
    }

    private SlackNotifier botNotifier(String token) {
        return new SlackNotifier(new SlackProperties(null, token, "C0SEC", slack.apiUrl(), null, 0), http, ledger.ledger());
    }

    private static Notification to(String destination, ScanCompleted s) {
        return new Notification(new Target(ChannelKind.SLACK, destination), s, s.findings(), s.configFindings(), s.secrets());
    }

    @Test
    void incomingWebhookReceivesTheGoldenBlockKitMessage() {
        webhookNotifier().deliver(to("webhook", vulnerableScan("evt-1")));

        FakeHttpServer.Request post = slack.server().requests().getFirst();
        assertThat(post.path()).isEqualTo(FakeSlackApi.WEBHOOK_PATH);
        assertThat(post.header("Content-Type")).startsWith("application/json");
        GoldenJson.assertMatches("slack-webhook-vulnerable.json", post.body());
    }

    @Test
    void botThreadsLaterChangesToTheSameImageUnderTheFirstMessage() {
        SlackNotifier notifier = botNotifier(FakeSlackApi.BOT_TOKEN);
        ScanCompleted first = scan("evt-1", "1.4.2", dev.layerwatch.notify.ScanFixtures.DIGEST_V1, List.of(log4Shell()));
        ScanCompleted rescan = scan("evt-2", "1.4.2", dev.layerwatch.notify.ScanFixtures.DIGEST_V1, List.of(log4Shell(), log4ShellFollowUp()));
        ScanCompleted otherImage = scan("evt-3", "1.4.3", DIGEST_V2, List.of(log4Shell()));

        notifier.deliver(to("C0SEC", first));
        notifier.deliver(to("C0SEC", rescan).without(Set.of("image", "v:fp-log4j-core-44228")));
        notifier.deliver(to("C0SEC", otherImage));

        List<JsonNode> posts = slack.accepted();
        assertThat(posts).hasSize(3);
        assertThat(posts.get(0).has("thread_ts")).isFalse();
        assertThat(posts.get(1).path("thread_ts").asString()).isEqualTo("1700000000.000001");
        assertThat(posts.get(1).at("/blocks/0/text/text").asString()).startsWith("New findings in");
        assertThat(posts.get(1).toString()).contains("*CVE-2021-45046* ·").doesNotContain("*CVE-2021-44228* ·");
        assertThat(posts.get(2).has("thread_ts")).isFalse();
        assertThat(slack.server().requests().getFirst().header("Authorization")).isEqualTo("Bearer " + FakeSlackApi.BOT_TOKEN);
    }

    @Test
    void badTokenAndUnknownChannelAreRejectionsWithSlacksErrorCode() {
        assertThatThrownBy(() -> botNotifier("xoxb-wrong").deliver(to("C0SEC", vulnerableScan("e1"))))
                .isInstanceOf(RejectedDelivery.class).hasMessageContaining("invalid_auth");
        assertThatThrownBy(() -> botNotifier(FakeSlackApi.BOT_TOKEN).deliver(to("C0NOPE", vulnerableScan("e1"))))
                .isInstanceOf(RejectedDelivery.class).hasMessageContaining("channel_not_found");
    }

    @Test
    void invalidBlocksFromTheWebhookIsARejection() {
        slack.server().script(FakeHttpServer.Response.text(400, "invalid_blocks"));

        assertThatThrownBy(() -> webhookNotifier().deliver(to("webhook", vulnerableScan("e1"))))
                .isInstanceOf(RejectedDelivery.class).hasMessageContaining("HTTP 400").hasMessageContaining("invalid_blocks");
    }
}
