package dev.layerwatch.scan.pipeline;

import dev.layerwatch.common.event.ImagePushed;
import java.time.Instant;

/**
 * A scan waiting on the retry topic ({@code image-pushed.v1.retry}) after a transient failure.
 *
 * @param attempt       how many attempts failed so far (1 after the first)
 * @param firstFailedAt when the first attempt failed: the retry window runs from here
 * @param notBefore     the next attempt is due at this instant
 * @param lastError     why the last attempt failed
 */
public record PendingScan(ImagePushed event, int attempt, Instant firstFailedAt, Instant notBefore, String lastError) {
    public PendingScan {
        if (event == null || firstFailedAt == null || notBefore == null) {
            throw new IllegalArgumentException("a pending scan needs its event, first failure and due time");
        }
    }
}
