package dev.layerwatch.engine.registry;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * What to put in {@code Authorization} for a repository: nothing (open registry), Basic credentials
 * (basic-only registry), or a bearer token for {@code repository:<name>:pull} from the cache or a fresh
 * exchange. Learns the scheme from a ping, and again from any 401 (registries often challenge only there).
 */
final class RegistryAuthenticator {

    private final RegistryConfig config;
    private final URI base;
    private final HttpClient http;
    private final Duration timeout;
    private final BearerTokenCache cache;
    private final BearerTokenExchange exchange;
    private volatile boolean pinged;
    private volatile AuthChallenge challenge;

    RegistryAuthenticator(RegistryConfig config, URI base, HttpClient http, Duration timeout, Clock clock) {
        this.config = config;
        this.base = base;
        this.http = http;
        this.timeout = timeout;
        this.cache = new BearerTokenCache(clock);
        this.exchange = new BearerTokenExchange(http, config, timeout, clock);
    }

    /** The header value for a request on {@code repository}, or null when none is needed (as far as we know). */
    String authorization(String repository) throws RegistryException {
        if (!pinged) {
            challenge = RegistryPing.ping(http, base, config.host(), timeout);
            pinged = true;
        }
        AuthChallenge current = challenge;
        if (current == null) {
            return null;
        }
        if (current.isBasic()) {
            return basic();
        }
        BearerTokenCache.Key key = key(current, repository);
        BearerToken token = cache.get(key);
        if (token == null) {
            token = exchange.exchange(key, repository);
            cache.put(key, token);
        }
        return "Bearer " + token.value();
    }

    /**
     * Takes in the challenge of a 401 on {@code repository}. Returns true when a retry can succeed (a new or
     * refreshed token, or credentials not sent yet), false when the same answer would come back.
     */
    boolean unauthorized(String repository, HttpHeaders headers, String sentAuthorization) {
        AuthChallenge fresh = AuthChallengeParser.preferred(headers.allValues("WWW-Authenticate"));
        pinged = true;
        if (fresh == null) {
            return false;
        }
        AuthChallenge previous = challenge;
        challenge = fresh;
        if (fresh.isBasic()) {
            return sentAuthorization == null && config.hasCredentials();
        }
        if (previous != null && previous.isBearer()) {
            cache.invalidate(key(previous, repository));
        }
        cache.invalidate(key(fresh, repository));
        return true;
    }

    private String basic() {
        if (!config.hasCredentials()) {
            return null;
        }
        String pair = config.username() + ":" + config.password();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** We only pull, so the scope is always ours: a challenge naming push scope must not make us ask for it. */
    private static BearerTokenCache.Key key(AuthChallenge challenge, String repository) {
        String scope = repository == null ? "registry:catalog:*" : "repository:" + repository + ":pull";
        return new BearerTokenCache.Key(challenge.realm(), challenge.service(), scope);
    }
}
