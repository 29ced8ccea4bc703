package dev.layerwatch.notify.pipeline;

import dev.layerwatch.common.event.Topics;
import dev.layerwatch.notify.Eventually;
import dev.layerwatch.notify.NotifyApplication;
import dev.layerwatch.notify.slack.FakeSlackApi;
import dev.layerwatch.testkit.kafka.KafkaBrokerExtension;
import dev.layerwatch.testkit.redis.RedisServerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Not part of the build (its name matches no surefire include): bench/notify.sh runs it. Measures the
 * time from the broker acknowledging a {@code ScanCompleted} to the Slack POST arriving, 20 times.
 */
@SpringBootTest(classes = NotifyApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "spring.cloud.stream.kafka.binder.consumer-properties.auto.offset.reset=earliest")
class NotifyLatencyBenchmark {

    static final int SAMPLES = Integer.getInteger("layerwatch.bench.samples", 20);

    @RegisterExtension
    static KafkaBrokerExtension kafka = new KafkaBrokerExtension();
    @RegisterExtension
    static RedisServerExtension redis = RedisServerExtension.dedicated();

    static final FakeSlackApi SLACK = new FakeSlackApi();

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        kafka.createTopics(Topics.SCAN_COMPLETED, Topics.retry(Topics.SCAN_COMPLETED), Topics.deadLetter(Topics.SCAN_COMPLETED));
        r.add("spring.cloud.stream.kafka.binder.brokers", kafka::bootstrapServers);
        r.add("spring.data.redis.host", redis::host);
        r.add("spring.data.redis.port", redis::port);
        r.add("layerwatch.notify.slack.webhook-url", SLACK::webhookUrl);
    }

    @AfterAll
    static void stop() {
        SLACK.close();
    }

    @Test
    void scanCompletedToSlackPost() throws Exception {
        List<Long> micros = new ArrayList<>();
        try (ScanPublisher publisher = new ScanPublisher(kafka.bootstrapServers())) {
            publisher.publish(NotifyOutageIT.scanOf(1000)); // warm-up: first poll, connections, JIT
            Eventually.await("warm-up message", Duration.ofSeconds(60), () -> SLACK.server().requests().size() == 1);
            for (int i = 0; i < SAMPLES; i++) {
                Thread.sleep(1100); // Slack allows about one message per second per channel; stay under it
                int before = SLACK.server().requests().size();
                long sent = System.nanoTime();
                publisher.publish(NotifyOutageIT.scanOf(i));
                Eventually.await("sample " + i, Duration.ofSeconds(30), () -> SLACK.server().requests().size() > before);
                micros.add(TimeUnit.NANOSECONDS.toMicros(SLACK.server().requests().get(before).receivedNanos() - sent));
            }
        }
        List<Long> sorted = micros.stream().sorted().toList();
        System.out.printf("notify latency ScanCompleted -> Slack POST over %d samples: median %.1f ms, min %.1f ms, max %.1f ms%n",
                SAMPLES, sorted.get(sorted.size() / 2) / 1000.0, sorted.getFirst() / 1000.0, sorted.getLast() / 1000.0);
    }
}
