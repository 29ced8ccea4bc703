package dev.layerwatch.testkit.registry;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Options of the token server that {@link RegistryServerExtension} starts beside the registry.
 *
 * @param users           user → password accepted as Basic credentials at the token endpoint; such users get every
 *                        action they ask for
 * @param anonymousPull   whether a request without credentials gets a token granting {@code pull}
 * @param tokenLifetime   how long the registry accepts an issued token
 * @param advertisedExpiresIn the {@code expires_in} told to the client; set it longer than {@code tokenLifetime} to
 *                        make a token die while the client still trusts it (the mid-scan 401 case)
 */
public record TokenAuth(Map<String, String> users, boolean anonymousPull, Duration tokenLifetime, Duration advertisedExpiresIn) {

    public TokenAuth {
        users = Map.copyOf(users == null ? Map.of() : users);
        tokenLifetime = tokenLifetime == null ? Duration.ofMinutes(5) : tokenLifetime;
        advertisedExpiresIn = advertisedExpiresIn == null ? tokenLifetime : advertisedExpiresIn;
    }

    /** Anonymous pull allowed, no users, 5-minute tokens. */
    public static TokenAuth anonymous() {
        return new TokenAuth(Map.of(), true, null, null);
    }

    /** Only this user gets tokens; anonymous requests are refused. */
    public static TokenAuth user(String user, String password) {
        return new TokenAuth(Map.of(user, password), false, null, null);
    }

    public TokenAuth withUser(String user, String password) {
        Map<String, String> more = new LinkedHashMap<>(users);
        more.put(user, password);
        return new TokenAuth(more, anonymousPull, tokenLifetime, advertisedExpiresIn);
    }

    public TokenAuth withAnonymousPull(boolean value) {
        return new TokenAuth(users, value, tokenLifetime, advertisedExpiresIn);
    }

    public TokenAuth withTokenLifetime(Duration lifetime, Duration advertised) {
        return new TokenAuth(users, anonymousPull, lifetime, advertised);
    }
}
