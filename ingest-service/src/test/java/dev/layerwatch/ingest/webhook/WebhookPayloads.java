package dev.layerwatch.ingest.webhook;

import dev.layerwatch.common.event.EventJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Loads the payloads under {@code src/test/resources/webhook/} and wraps them as deliveries. */
public final class WebhookPayloads {

    public static final Instant RECEIVED_AT = Instant.parse("2026-11-22T14:22:47Z");

    private WebhookPayloads() {
    }

    public static byte[] bytes(String path) {
        try (InputStream in = WebhookPayloads.class.getResourceAsStream("/webhook/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test payload webhook/" + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A delivery of the payload file; {@code headers} alternate name, value. */
    public static WebhookDelivery delivery(String source, String path, String... headers) {
        return deliveryOf(source, bytes(path), headers);
    }

    public static WebhookDelivery deliveryOf(String source, byte[] body, String... headers) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            map.put(headers[i].toLowerCase(Locale.ROOT), headers[i + 1]);
        }
        JsonNode json = EventJson.mapper().readTree(body);
        return new WebhookDelivery(source, json, body, map, RECEIVED_AT);
    }
}
