package dev.layerwatch.ingest.webhook;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One authenticated request as a translator sees it: the parsed body, the raw bytes (for ids derived from
 * content when the sender sends none) and the headers, names lower-cased.
 */
public record WebhookDelivery(String source, JsonNode body, byte[] rawBody, Map<String, String> headers, Instant receivedAt) {

    public WebhookDelivery {
        headers = Map.copyOf(headers);
    }

    /** A header value by case-insensitive name, or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
