package dev.layerwatch.embedded.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedRedisIT {

    @Test
    void aKilledServerIsRestartedOnTheSamePortWithEverythingAcknowledged(@TempDir Path dir) throws Exception {
        // appendfsync always: written and synced before the answer, so a SIGKILL loses nothing acknowledged
        // (everysec may postpone writes while an fsync is slow; the standalone runs always by default)
        try (EmbeddedRedis redis = EmbeddedRedis.builder().dataDir(dir).appendFsync("always").maxMemory("64mb").watchdog(true).build().start()) {
            for (int i = 0; i < 100; i++) {
                assertThat(redis.command("SET k" + i + " v" + i)).isEqualTo("+OK");
            }
            ProcessHandle first = redis.processHandle().orElseThrow();
            first.destroyForcibly();
            first.onExit().get(10, TimeUnit.SECONDS);

            awaitRestart(redis, first.pid());
            assertThat(redis.restarts()).isEqualTo(1);
            assertThat(redis.command("DBSIZE")).isEqualTo(":100");
            assertThat(redis.command("GET k99")).isEqualTo("$3");
        }
        assertThat(dir.resolve("redis-server.pid")).as("cleared on a clean stop").doesNotExist();
    }

    @Test
    void durableCappedNoEvictionAndLoopbackOnly(@TempDir Path dir) {
        try (EmbeddedRedis redis = EmbeddedRedis.builder().dataDir(dir).maxMemory("32mb").build().start()) {
            assertThat(bulk(redis, "CONFIG GET appendonly")).isEqualTo("yes");
            assertThat(bulk(redis, "CONFIG GET appendfsync")).isEqualTo("everysec");
            assertThat(bulk(redis, "CONFIG GET maxmemory")).isEqualTo(String.valueOf(32L * 1024 * 1024));
            assertThat(bulk(redis, "CONFIG GET maxmemory-policy")).isEqualTo("noeviction");
            assertThat(bulk(redis, "CONFIG GET bind")).isEqualTo("127.0.0.1");
            assertThat(bulk(redis, "CONFIG GET dir")).isEqualTo(dir.toAbsolutePath().toString());
        }
    }

    @Test
    void aServerOrphanedByACrashedPredecessorIsStoppedAtStartAndItsDataKept(@TempDir Path dir) throws Exception {
        EmbeddedRedis crashed = EmbeddedRedis.builder().dataDir(dir).build().start();
        crashed.command("SET survivor yes");
        ProcessHandle orphan = crashed.processHandle().orElseThrow();
        assertThat(dir.resolve("redis-server.pid")).exists();
        // the JVM that started it "dies": nobody calls stop(); the next start on the same directory sweeps it
        try (EmbeddedRedis next = EmbeddedRedis.builder().dataDir(dir).build().start()) {
            assertThat(orphan.onExit().get(15, TimeUnit.SECONDS).isAlive()).isFalse();
            assertThat(next.command("EXISTS survivor")).isEqualTo(":1");
            assertThat(Files.readString(dir.resolve("redis-server.pid"))).startsWith(next.processHandle().orElseThrow().pid() + "\n");
        }
    }

    @Test
    void aPidFileNamingAnUnrelatedProcessIsNotObeyed(@TempDir Path dir) throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        try {
            // the pid is alive but the recorded start time is not its own: a recycled pid
            Files.writeString(dir.resolve("redis-server.pid"), sleeper.pid() + "\n2000-01-01T00:00:00Z\n/usr/bin/redis-server\n");
            try (EmbeddedRedis redis = EmbeddedRedis.builder().dataDir(dir).build().start()) {
                assertThat(sleeper.isAlive()).isTrue();
                assertThat(redis.command("PING")).isEqualTo("+PONG");
            }
        } finally {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void theJarBinaryRunsWhenRedisServerIsMissing(@TempDir Path dir) {
        try (EmbeddedRedis redis = EmbeddedRedis.builder().dataDir(dir).jarBinaryOnly(true).build().start()) {
            assertThat(redis.command("SET a b")).isEqualTo("+OK");
            assertThat(dir.resolve("bin")).isDirectoryContaining(p -> p.getFileName().toString().startsWith("redis-server"));
        }
    }

    private static String bulk(EmbeddedRedis redis, String command) {
        // CONFIG GET answers an array: *2, $len, name, $len, value; read the value with a second plain request
        String name = command.substring("CONFIG GET ".length());
        return RespProbe.configValue(redis.host(), redis.port(), name);
    }

    private static void awaitRestart(EmbeddedRedis redis, long oldPid) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (redis.processHandle().map(p -> p.pid() != oldPid).orElse(false)) {
                try {
                    if (redis.command("PING").equals("+PONG")) {
                        return;
                    }
                } catch (RuntimeException retry) {
                    // still starting
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("redis-server was not restarted within 20 s");
    }
}
