package dev.layerwatch.notify.delivery;

import java.time.Duration;

/**
 * The target is down, slow or rate-limiting: the same request may succeed later.
 *
 * @see #retryAfter() the wait the target asked for ({@code Retry-After}), null when it did not say
 */
public final class RetryableDeliveryFailure extends DeliveryFailure {

    private final Duration retryAfter;

    public RetryableDeliveryFailure(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    public RetryableDeliveryFailure(String message) {
        this(message, null, null);
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
