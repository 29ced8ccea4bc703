package dev.layerwatch.testkit.registry;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One {@code notifications.endpoints[]} entry of the registry's config. The URL is a supplier so that a
 * receiver whose port is only known once it has started (a Spring Boot test) can still be named up front;
 * it is read when the registry starts.
 *
 * @param ignoredActions {@code ignore.actions}: none by default, so pull/mount/delete events arrive too
 */
public record NotificationEndpoint(
        Supplier<URI> url,
        Map<String, String> headers,
        Duration timeout,
        int threshold,
        Duration backoff,
        List<String> ignoredActions) {

    public NotificationEndpoint {
        Objects.requireNonNull(url, "url");
        headers = Map.copyOf(headers == null ? Map.of() : headers);
        timeout = timeout == null ? Duration.ofSeconds(1) : timeout;
        backoff = backoff == null ? Duration.ofSeconds(1) : backoff;
        if (threshold < 1) {
            throw new IllegalArgumentException("notification threshold must be at least 1, got " + threshold);
        }
        ignoredActions = List.copyOf(ignoredActions == null ? List.of() : ignoredActions);
    }

    /** distribution's defaults: timeout 1s, threshold 10, backoff 1s, nothing ignored. */
    public static NotificationEndpoint to(URI url, Map<String, String> headers) {
        return to(() -> url, headers);
    }

    public static NotificationEndpoint to(Supplier<URI> url, Map<String, String> headers) {
        return new NotificationEndpoint(url, headers, Duration.ofSeconds(1), 10, Duration.ofSeconds(1), List.of());
    }

    public NotificationEndpoint withTimeout(Duration value) {
        return new NotificationEndpoint(url, headers, value, threshold, backoff, ignoredActions);
    }

    public NotificationEndpoint withThreshold(int value) {
        return new NotificationEndpoint(url, headers, timeout, value, backoff, ignoredActions);
    }

    public NotificationEndpoint withBackoff(Duration value) {
        return new NotificationEndpoint(url, headers, timeout, threshold, value, ignoredActions);
    }

    public NotificationEndpoint withIgnoredActions(String... actions) {
        return new NotificationEndpoint(url, headers, timeout, threshold, backoff, List.of(actions));
    }
}
