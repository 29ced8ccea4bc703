package dev.layerwatch.engine.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * {@code GET /v2/}: 200 means no auth is needed up front, 401 carries the challenge the registry wants
 * answered. Anything else means this is not a distribution registry (or it is down).
 */
final class RegistryPing {

    private RegistryPing() {
    }

    /** The registry's preferred challenge, or null when it answered 200. */
    static AuthChallenge ping(HttpClient http, URI base, String registry, Duration timeout) throws RegistryException {
        String action = "ping /v2/";
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/v2/")).timeout(timeout).GET().build();
        HttpResponse<InputStream> response = RegistryErrorMapping.send(http, request, registry, null, action);
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readNBytes(16 * 1024);
        } catch (IOException e) {
            body = new byte[0];
        }
        if (response.statusCode() == 200) {
            return null;
        }
        if (response.statusCode() == 401) {
            AuthChallenge challenge = AuthChallengeParser.preferred(response.headers().allValues("WWW-Authenticate"));
            if (challenge == null) {
                throw new RegistryUnauthorizedException(registry, null, action,
                        "HTTP 401 without a Bearer or Basic challenge: " + response.headers().allValues("WWW-Authenticate"));
            }
            return challenge;
        }
        throw RegistryErrorMapping.toException(response.statusCode(), response.headers(), body, registry, null, action);
    }
}
