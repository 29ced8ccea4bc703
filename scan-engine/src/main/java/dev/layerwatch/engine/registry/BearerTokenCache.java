package dev.layerwatch.engine.registry;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Tokens per (realm, service, scope), dropped once expired so the next request exchanges a fresh one. */
final class BearerTokenCache {

    record Key(String realm, String service, String scope) {
    }

    private final Map<Key, BearerToken> tokens = new ConcurrentHashMap<>();
    private final Clock clock;

    BearerTokenCache(Clock clock) {
        this.clock = clock;
    }

    /** The cached token if it is still usable, else null. */
    BearerToken get(Key key) {
        BearerToken token = tokens.get(key);
        if (token != null && !token.usableAt(clock.instant())) {
            tokens.remove(key, token);
            return null;
        }
        return token;
    }

    void put(Key key, BearerToken token) {
        tokens.put(key, token);
    }

    /** Forgets a token the registry refused although it had not expired by our clock. */
    void invalidate(Key key) {
        tokens.remove(key);
    }

    int size() {
        return tokens.size();
    }
}
