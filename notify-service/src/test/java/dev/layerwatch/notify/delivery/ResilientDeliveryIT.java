package dev.layerwatch.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerwatch.notify.FakeHttpServer;
import dev.layerwatch.notify.FakeHttpServer.Response;
import dev.layerwatch.notify.routing.ChannelKind;
import dev.layerwatch.notify.routing.Target;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ResilientDeliveryIT {

    private final FakeHttpServer server = new FakeHttpServer(r -> Response.text(200, "ok"));
    private final NotifyHttpTransport http = new NotifyHttpTransport(Duration.ofSeconds(2));
    private final DeliveryProperties properties = new DeliveryProperties(null, 3, Duration.ofMillis(50), Duration.ofSeconds(3),
            0, null, null, Duration.ofSeconds(30), 1, 1, null, null);
    private final ResilientDelivery delivery = new ResilientDelivery(properties, RetryRegistry.ofDefaults(),
            CircuitBreakerRegistry.ofDefaults(), RateLimiterRegistry.ofDefaults(), BulkheadRegistry.ofDefaults());

    @AfterEach
    void stop() {
        server.close();
    }

    private DeliveryOutcome send(Target target) {
        return delivery.run(target, () -> http.send("POST", server.url("/hook"), Map.of(), "{}", "post hook"));
    }

    @Test
    void transientErrorsAreRetriedInProcess() {
        server.script(Response.text(500, "boom"), Response.text(502, "bad gateway"));

        assertThat(send(new Target(ChannelKind.WEBHOOK, "a"))).isInstanceOf(DeliveryOutcome.Delivered.class);
        assertThat(server.requests()).extracting(FakeHttpServer.Request::answeredWith).containsExactly(500, 502, 200);
    }

    @Test
    void retryAfterIsHonoured() {
        server.script(Response.tooManyRequests(1));
        long start = System.nanoTime();

        assertThat(send(new Target(ChannelKind.WEBHOOK, "b"))).isInstanceOf(DeliveryOutcome.Delivered.class);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(1000);
    }

    @Test
    void retryAfterLongerThanTheInlineWaitGoesBackToTheCaller() {
        server.script(Response.tooManyRequests(60));

        assertThat(send(new Target(ChannelKind.WEBHOOK, "c"))).isInstanceOfSatisfying(DeliveryOutcome.RetryLater.class,
                r -> assertThat(r.retryAfter()).isEqualTo(Duration.ofSeconds(60)));
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void clientErrorIsRejectedWithoutRetry() {
        server.script(Response.text(400, "invalid_blocks"));

        assertThat(send(new Target(ChannelKind.WEBHOOK, "d"))).isInstanceOfSatisfying(DeliveryOutcome.Rejected.class,
                r -> assertThat(r.reason()).contains("invalid_blocks"));
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void circuitOpensPerTargetAndStopsCallingIt() {
        Target broken = new Target(ChannelKind.WEBHOOK, "broken");
        server.down();
        for (int i = 0; i < 3; i++) {
            assertThat(send(broken)).isInstanceOf(DeliveryOutcome.RetryLater.class);
        }
        server.up();

        assertThat(send(broken)).isInstanceOfSatisfying(DeliveryOutcome.RetryLater.class,
                r -> assertThat(r.reason()).contains("circuit open for webhook:broken"));
        assertThat(server.requests()).isEmpty();
        assertThat(send(new Target(ChannelKind.WEBHOOK, "healthy"))).isInstanceOf(DeliveryOutcome.Delivered.class);
    }

    @Test
    void slackChannelIsRateLimitedToAboutOneMessagePerSecond() {
        Target channel = new Target(ChannelKind.SLACK, "C-RATE");
        long start = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            assertThat(send(channel)).isInstanceOf(DeliveryOutcome.Delivered.class);
        }

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(1500);
    }
}
