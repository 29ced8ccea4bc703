package dev.layerwatch.testkit.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisServerExtensionIT {

    @RegisterExtension
    static RedisServerExtension redis = RedisServerExtension.dedicated();

    @Test
    void runsOnThePathTheEnvironmentSelects() {
        // LAYERWATCH_TESTKIT_BACKEND=containers: a Redis container (Testcontainers); otherwise a redis-server process
        System.out.println("redis backend: " + redis.backend());
        assertThat(redis.backend()).startsWith(RedisServerExtension.containers() ? "container " : "process ");
    }

    @Test
    void servesOnLoopbackAndSurvivesARestartOnTheSamePort() {
        RedisProcess probe = new RedisProcess(redis.port());
        assertThat(probe.command("SET k v")).isEqualTo("+OK");
        int port = redis.port();

        redis.stop();
        assertThatThrownBy(() -> probe.command("PING")).isInstanceOf(UncheckedIOException.class);

        redis.start();
        assertThat(redis.port()).isEqualTo(port);
        assertThat(probe.command("PING")).isEqualTo("+PONG");
        // no persistence: a restart is empty, like a flushed Redis
        assertThat(probe.command("EXISTS k")).isEqualTo(":0");
    }
}
