package dev.layerwatch.notify.delivery;

import java.time.Duration;

/** What became of one attempt to deliver to one target. */
public sealed interface DeliveryOutcome {

    /** Sent now, or sent before (the ledger said so), or nothing new to say. */
    record Delivered(String detail) implements DeliveryOutcome {
    }

    /** Not sent; worth trying again, not before {@code retryAfter} (null: the caller's backoff decides). */
    record RetryLater(String reason, Duration retryAfter) implements DeliveryOutcome {
    }

    /** Not sent and never will be by retrying: the reason is the target's own message. */
    record Rejected(String reason) implements DeliveryOutcome {
    }
}
