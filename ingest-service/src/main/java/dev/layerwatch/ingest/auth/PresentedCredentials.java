package dev.layerwatch.ingest.auth;

import java.util.Locale;
import java.util.Map;

/**
 * What a request offers as proof: its headers (names lower-cased), the secret path segment and {@code token}
 * query parameter if any, and the raw body for signatures.
 */
public record PresentedCredentials(Map<String, String> headers, String pathSecret, String queryToken, byte[] body) {

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
