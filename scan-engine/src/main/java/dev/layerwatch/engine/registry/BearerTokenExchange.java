package dev.layerwatch.engine.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The token endpoint of distribution's token auth ({@code GET <realm>?service=…&scope=…}), anonymous or with
 * Basic credentials. Accepts {@code token} or {@code access_token}; {@code expires_in} defaults to 60 s.
 */
final class BearerTokenExchange {

    private static final long DEFAULT_EXPIRES_IN_SECONDS = 60;
    /** Renew a little early so a token does not expire between our check and the registry's. */
    private static final Duration EARLY_RENEWAL = Duration.ofSeconds(5);
    private static final int MAX_TOKEN_RESPONSE_BYTES = 1 << 20;

    private final HttpClient http;
    private final RegistryConfig config;
    private final Duration timeout;
    private final Clock clock;

    BearerTokenExchange(HttpClient http, RegistryConfig config, Duration timeout, Clock clock) {
        this.http = http;
        this.config = config;
        this.timeout = timeout;
        this.clock = clock;
    }

    BearerToken exchange(BearerTokenCache.Key key, String repository) throws RegistryException {
        String action = "obtain a pull token from " + key.realm();
        URI realm;
        try {
            realm = URI.create(key.realm());
        } catch (IllegalArgumentException e) {
            throw new RegistryProtocolException(config.host(), repository, action, "the challenge's realm is not a URL", e);
        }
        if (!"https".equalsIgnoreCase(realm.getScheme()) && !"http".equalsIgnoreCase(realm.getScheme())) {
            throw new RegistryProtocolException(config.host(), repository, action, "the realm must be an http(s) URL");
        }
        if (config.hasCredentials() && !config.insecure() && "http".equalsIgnoreCase(realm.getScheme())) {
            throw new RegistryUnauthorizedException(config.host(), repository, action,
                    "refusing to send credentials to a plain-HTTP token realm of a registry configured for HTTPS");
        }
        StringBuilder query = new StringBuilder();
        if (key.service() != null) {
            query.append("service=").append(URLEncoder.encode(key.service(), StandardCharsets.UTF_8));
        }
        for (String scope : key.scope().split(" ")) {
            query.append(query.isEmpty() ? "" : "&").append("scope=").append(URLEncoder.encode(scope, StandardCharsets.UTF_8));
        }
        String separator = realm.getRawQuery() == null ? "?" : "&";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(realm + separator + query)).timeout(timeout).GET();
        if (config.hasCredentials()) {
            String basic = config.username() + ":" + config.password();
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<InputStream> response = RegistryErrorMapping.send(http, request.build(), config.host(), repository, action);
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readNBytes(MAX_TOKEN_RESPONSE_BYTES);
        } catch (IOException e) {
            throw new RegistryUnreachableException(config.host(), repository, action, "reading the token response failed: " + e.getMessage(), e);
        }
        if (response.statusCode() != 200) {
            throw RegistryErrorMapping.toException(response.statusCode(), response.headers(), body, config.host(), repository,
                    action + (config.hasCredentials() ? " as " + config.username() : " anonymously"));
        }
        return parse(body, repository, action);
    }

    private BearerToken parse(byte[] body, String repository, String action) throws RegistryException {
        JsonNode json;
        try {
            json = JsonMapper.builder().build().readTree(body);
        } catch (JacksonException e) {
            throw new RegistryProtocolException(config.host(), repository, action, "the token response is not JSON", e);
        }
        String token = json.path("token").asString("");
        if (token.isEmpty()) {
            token = json.path("access_token").asString("");
        }
        if (token.isEmpty()) {
            throw new RegistryProtocolException(config.host(), repository, action, "the token response has neither token nor access_token");
        }
        long expiresIn = json.path("expires_in").asLong(DEFAULT_EXPIRES_IN_SECONDS);
        if (expiresIn <= 0) {
            expiresIn = DEFAULT_EXPIRES_IN_SECONDS;
        }
        Instant issuedAt = clock.instant();
        if (json.hasNonNull("issued_at")) {
            try {
                Instant stated = Instant.parse(json.get("issued_at").asString());
                // a token server with a fast clock must not make us keep a token past its real lifetime
                issuedAt = stated.isBefore(issuedAt) ? stated : issuedAt;
            } catch (DateTimeParseException ignored) {
                // issued_at is optional; a malformed one is as good as absent
            }
        }
        Duration early = Duration.ofSeconds(expiresIn).dividedBy(4);
        Instant expiresAt = issuedAt.plusSeconds(expiresIn).minus(early.compareTo(EARLY_RENEWAL) < 0 ? early : EARLY_RENEWAL);
        return new BearerToken(token, expiresAt);
    }
}
