package dev.layerwatch.notify.delivery;

import dev.layerwatch.common.event.ScanCompleted;
import java.time.Instant;

/**
 * A delivery given up on, as written to the dead-letter topic: the target, why (the API's own message
 * for a rejection), how many rounds were tried, and the scan to replay it from.
 */
public record FailedDelivery(String target, String reason, int rounds, Instant failedAt, ScanCompleted scan) {
}
