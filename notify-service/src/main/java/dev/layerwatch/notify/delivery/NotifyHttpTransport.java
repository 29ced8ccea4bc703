package dev.layerwatch.notify.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The one HTTP client of the notifiers, and the one place where an HTTP answer becomes a
 * {@link DeliveryFailure}: timeouts, connection errors, 408, 429 and 5xx are retryable (with the
 * target's {@code Retry-After}), every other 4xx is a rejection carrying the response body.
 */
public final class NotifyHttpTransport {

    private static final int MAX_ERROR_BODY = 500;

    private final HttpClient client;
    private final Duration timeout;

    public NotifyHttpTransport(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Sends {@code method} with an optional JSON body; {@code action} names the call in failure messages. */
    public HttpReply send(String method, URI uri, Map<String, String> headers, String jsonBody, String action) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout);
        headers.forEach(request::header);
        HttpRequest.BodyPublisher body = jsonBody == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8);
        if (jsonBody != null && !headers.containsKey("Content-Type")) {
            request.header("Content-Type", "application/json; charset=utf-8");
        }
        request.method(method, body);
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.net.http.HttpConnectTimeoutException e) {
            throw new RetryableDeliveryFailure(action + ": cannot connect to " + uri.getHost() + " within " + timeout, null, e);
        } catch (HttpTimeoutException e) {
            if (!"POST".equals(method) || headers.containsKey("ce-id")) {
                throw new RetryableDeliveryFailure(action + ": no answer from " + uri.getHost() + " within " + timeout, null, e);
            }
            // the POST was sent and may have been acted on (Slack posts the message, then answers late): a retry
            // could post it again, and these targets have no idempotency key. Not retried: dead-lettered with this
            // reason, so the bound is "at most once" for a timed-out POST and "at least once" for every other failure.
            throw new RejectedDelivery(action + ": outcome unknown, no answer from " + uri.getHost() + " within " + timeout
                    + "; not retried, since the target may already have acted on it (replay from the dead-letter topic if not)");
        } catch (IOException e) {
            throw new RetryableDeliveryFailure(action + ": cannot reach " + uri.getHost() + ": " + e, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryableDeliveryFailure(action + ": interrupted", null, e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new HttpReply(status, response.body());
        }
        String detail = action + ": HTTP " + status + " from " + uri.getHost() + ": " + abbreviate(response.body());
        if (status == 408 || status == 429 || status >= 500) {
            throw new RetryableDeliveryFailure(detail, retryAfter(response.headers().firstValue("Retry-After").orElse(null)), null);
        }
        throw new RejectedDelivery(detail);
    }

    /** {@code Retry-After} as delta-seconds or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = DateTimeFormatter.RFC_1123_DATE_TIME.parse(value.trim(), Instant::from);
                Duration d = Duration.between(Instant.now(), at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (RuntimeException notADate) {
                return null;
            }
        }
    }

    private static String abbreviate(String body) {
        if (body == null || body.isBlank()) {
            return "(empty body)";
        }
        String oneLine = body.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_ERROR_BODY ? oneLine : oneLine.substring(0, MAX_ERROR_BODY) + "…";
    }
}
