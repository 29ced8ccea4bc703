package dev.layerwatch.notify.delivery;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A POST answered too late may already have been acted on (Slack posts, then answers after 12 s): it is not
 * retried, so a slow Slack no longer yields 7 posts for 2 images (issue #11).
 */
class TimedOutPostTest {

    private HttpServer slow;
    private final AtomicInteger received = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        slow = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        slow.createContext("/", exchange -> {
            try (exchange) {
                received.incrementAndGet();
                exchange.getRequestBody().readAllBytes();
                Thread.sleep(4000);
                exchange.sendResponseHeaders(200, -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        slow.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        slow.start();
    }

    @AfterEach
    void stop() {
        slow.stop(0);
    }

    private URI uri() {
        return URI.create("http://127.0.0.1:" + slow.getAddress().getPort() + "/services/T/B/x");
    }

    @Test
    void aTimedOutPostIsAnUnknownOutcomeThatIsNotRetried() {
        NotifyHttpTransport transport = new NotifyHttpTransport(Duration.ofMillis(1500));

        assertThatThrownBy(() -> transport.send("POST", uri(), Map.of(), "{}", "Slack post"))
                .isInstanceOf(RejectedDelivery.class).hasMessageContaining("outcome unknown");
    }

    @Test
    void aTimedOutIdempotentCallStaysRetryable() {
        NotifyHttpTransport transport = new NotifyHttpTransport(Duration.ofMillis(1500));

        assertThatThrownBy(() -> transport.send("GET", uri(), Map.of(), null, "Jira search"))
                .isInstanceOf(RetryableDeliveryFailure.class);
        assertThatThrownBy(() -> transport.send("POST", uri(), Map.of("ce-id", "abc"), "{}", "CloudEvent"))
                .as("the receiver dedupes on ce-id").isInstanceOf(RetryableDeliveryFailure.class);
    }
}
