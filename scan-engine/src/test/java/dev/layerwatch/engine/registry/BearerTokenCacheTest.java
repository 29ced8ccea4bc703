package dev.layerwatch.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class BearerTokenCacheTest {

    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-22T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void tokensAreKeptPerRealmServiceAndScopeUntilTheyExpire() {
        MovableClock clock = new MovableClock();
        BearerTokenCache cache = new BearerTokenCache(clock);
        BearerTokenCache.Key a = new BearerTokenCache.Key("https://auth/token", "svc", "repository:a:pull");
        BearerTokenCache.Key b = new BearerTokenCache.Key("https://auth/token", "svc", "repository:b:pull");
        cache.put(a, new BearerToken("ta", clock.now.plusSeconds(60)));

        assertThat(cache.get(a).value()).isEqualTo("ta");
        assertThat(cache.get(b)).isNull();

        clock.now = clock.now.plus(Duration.ofSeconds(60));
        assertThat(cache.get(a)).as("expired").isNull();
        assertThat(cache.size()).isZero();
    }

    @Test
    void invalidateDropsATokenTheRegistryRefused() {
        BearerTokenCache cache = new BearerTokenCache(Clock.systemUTC());
        BearerTokenCache.Key key = new BearerTokenCache.Key("r", null, "repository:a:pull");
        cache.put(key, new BearerToken("t", Instant.now().plusSeconds(300)));
        cache.invalidate(key);
        assertThat(cache.get(key)).isNull();
        assertThat(new BearerToken("secret-token", Instant.now()).toString()).doesNotContain("secret-token");
    }
}
