package dev.layerwatch.ingest.webhook;

/**
 * The payload cannot be read as the sender's documented shape. The only exception a translator may throw;
 * it becomes a 400 whose message names the field.
 */
public class InvalidWebhookException extends RuntimeException {

    private final String field;

    public InvalidWebhookException(String field, String message) {
        super(field == null ? message : "field '" + field + "': " + message);
        this.field = field;
    }

    /** The JSON path of the offending field, such as {@code events[0].target.digest}; null for the whole body. */
    public String field() {
        return field;
    }
}
