package dev.layerwatch.ingest.intake;

import java.util.Map;

/** A request as read off the wire: headers lower-cased, the raw body (already size-checked), URL secrets if any. */
public record IncomingWebhook(String source, Map<String, String> headers, byte[] body, String pathSecret, String queryToken) {

    public IncomingWebhook {
        headers = Map.copyOf(headers);
    }
}
