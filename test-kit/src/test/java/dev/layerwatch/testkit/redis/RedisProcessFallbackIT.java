package dev.layerwatch.testkit.redis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A machine without Debian's redis-server (a fresh one running bin/standalone) gets the jar-shipped binary. */
class RedisProcessFallbackIT {

    @Test
    void theJarShippedBinaryServesOnLoopback() {
        try (RedisProcess redis = RedisProcess.fromJarBinary(0).start()) {
            assertThat(redis.command("SET k v")).isEqualTo("+OK");
            assertThat(redis.command("GET k")).isEqualTo("$1");
        }
    }
}
