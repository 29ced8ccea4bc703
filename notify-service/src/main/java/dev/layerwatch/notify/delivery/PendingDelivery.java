package dev.layerwatch.notify.delivery;

import dev.layerwatch.common.event.ScanCompleted;
import java.time.Instant;

/**
 * A delivery to one target that failed and waits on the retry topic. It carries the whole scan, so
 * the retry re-routes it and sends exactly what the first attempt would have sent, to that target only.
 *
 * @param round     how many times the retry topic has carried it (1 on the first visit)
 * @param notBefore the earliest time to try again
 */
public record PendingDelivery(String target, int round, Instant notBefore, String reason, ScanCompleted scan) {
}
