package dev.layerwatch.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerwatch.notify.FakeHttpServer;
import dev.layerwatch.notify.FakeHttpServer.Response;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NotifyHttpTransportIT {

    private final FakeHttpServer server = new FakeHttpServer(r -> Response.json(200, "{\"ok\":true}"));
    private final NotifyHttpTransport http = new NotifyHttpTransport(Duration.ofMillis(800));

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpReply post() {
        return http.send("POST", server.url("/x"), Map.of(), "{\"a\":1}", "post test");
    }

    @Test
    void successReturnsBodyAndSendsJson() {
        assertThat(post().body()).isEqualTo("{\"ok\":true}");
        assertThat(server.requests().getFirst().header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(server.requests().getFirst().body()).isEqualTo("{\"a\":1}");
    }

    @Test
    void tooManyRequestsIsRetryableWithTheAskedWait() {
        server.script(Response.tooManyRequests(7));

        assertThatThrownBy(this::post).isInstanceOfSatisfying(RetryableDeliveryFailure.class,
                e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7))).hasMessageContaining("HTTP 429");
    }

    @Test
    void serverErrorsAndRefusedConnectionsAreRetryableATimedOutPostIsNot() {
        server.script(Response.text(503, "maintenance"), Response.slow(Duration.ofSeconds(3)));

        assertThatThrownBy(this::post).isInstanceOf(RetryableDeliveryFailure.class).hasMessageContaining("HTTP 503").hasMessageContaining("maintenance");
        // the POST reached the target, which may have acted on it: retrying could duplicate (issue #11)
        assertThatThrownBy(this::post).isInstanceOf(RejectedDelivery.class).hasMessageContaining("outcome unknown");
        server.down();
        assertThatThrownBy(this::post).isInstanceOf(RetryableDeliveryFailure.class).hasMessageContaining("cannot reach 127.0.0.1");
    }

    @Test
    void clientErrorsAreRejectionsCarryingTheApiMessage() {
        server.script(Response.json(400, "{\"errorMessages\":[],\"errors\":{\"summary\":\"You must specify a summary of the issue.\"}}"));

        assertThatThrownBy(this::post).isInstanceOf(RejectedDelivery.class)
                .hasMessageContaining("post test: HTTP 400").hasMessageContaining("You must specify a summary");
    }

    @Test
    void retryAfterReadsSecondsAndHttpDates() {
        assertThat(NotifyHttpTransport.retryAfter("12")).isEqualTo(Duration.ofSeconds(12));
        assertThat(NotifyHttpTransport.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ZERO);
        assertThat(NotifyHttpTransport.retryAfter("soon")).isNull();
        assertThat(NotifyHttpTransport.retryAfter(null)).isNull();
    }
}
