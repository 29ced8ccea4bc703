package dev.layerwatch.ingest.intake;

import java.time.Duration;

/**
 * A delivery answered with an error status and nothing published. The message goes to the sender verbatim,
 * so it never contains a presented secret.
 */
public class WebhookRejection extends RuntimeException {

    private final int status;
    private final Duration retryAfter;

    public WebhookRejection(int status, String message) {
        this(status, message, null);
    }

    public WebhookRejection(int status, String message, Duration retryAfter) {
        super(message);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    /** Set for 503: when the sender should try again. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
