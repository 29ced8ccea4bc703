package dev.layerwatch.scan.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerwatch.engine.inventory.Ecosystem;
import dev.layerwatch.engine.inventory.Package;
import dev.layerwatch.engine.layer.LayerEntryKind;
import dev.layerwatch.engine.layerscan.LayerFile;
import dev.layerwatch.engine.layerscan.LayerResult;
import dev.layerwatch.scan.config.ScanProperties;
import dev.layerwatch.testkit.redis.RedisServerExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.util.unit.DataSize;

class RedisLayerResultCacheIT {

    @RegisterExtension
    static RedisServerExtension redis = RedisServerExtension.dedicated();

    private JedisConnectionFactory connections;
    private StringRedisTemplate template;
    private final ScanProperties properties = new ScanProperties(Duration.ofDays(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
            DataSize.ofMegabytes(64), DataSize.ofGigabytes(1));

    @BeforeEach
    void connect() {
        redis.start();
        connections = new JedisConnectionFactory(new RedisStandaloneConfiguration(redis.host(), redis.port()));
        connections.afterPropertiesSet();
        connections.start();
        template = new StringRedisTemplate(connections);
        redis.flushAll();
    }

    @AfterEach
    void disconnect() {
        connections.destroy();
    }

    private RedisLayerResultCache newWorker() {
        return new RedisLayerResultCache(template, properties, new SimpleMeterRegistry());
    }

    private static LayerResult sampleResult() {
        Package bash = new Package("bash", "5.2.15-2+b2", Ecosystem.DEB, "pkg:deb/debian/bash@5.2.15-2%2Bb2?arch=amd64",
                "bash", null, null, List.of("/var/lib/dpkg/status"), false);
        return new LayerResult("sha256:" + "a".repeat(64), "sha256:" + "b".repeat(64), true, null,
                List.of(new LayerFile("var/lib/dpkg/status", LayerEntryKind.FILE, null, List.of(bash))),
                List.of("etc/old.conf"), List.of("opt/app"), Map.of("etc/os-release", "ID=debian\nVERSION_ID=12\n"), List.of(), List.of("w1"));
    }

    @Test
    void aResultStoredByOneWorkerIsReadByAnother() {
        LayerResult result = sampleResult();
        newWorker().put("layer-key", result);

        assertThat(newWorker().get("layer-key")).contains(result);
        assertThat(newWorker().get("other-key")).isEmpty();
    }

    @Test
    void onlyOneWorkerHoldsALayerLeaseUntilItIsReleasedOrExpires() throws Exception {
        RedisLayerResultCache first = newWorker();
        RedisLayerResultCache second = newWorker();

        assertThat(first.tryLease("k")).isTrue();
        assertThat(second.tryLease("k")).isFalse();
        // releasing someone else's lease does nothing
        second.release("k");
        assertThat(second.tryLease("k")).isFalse();
        first.release("k");
        assertThat(second.tryLease("k")).isTrue();

        // a crashed holder's lease expires (ttl 2 s here)
        Thread.sleep(2500);
        assertThat(first.tryLease("k")).isTrue();
    }

    @Test
    void aCorruptEntryIsAMissNotAFailure() {
        template.opsForValue().set("lw:layer:broken", "{not json");
        assertThat(newWorker().get("broken")).isEmpty();
    }

    @Test
    void redisDownMeansNoCacheNeverAFailedScan() {
        RedisLayerResultCache worker = newWorker();
        redis.stop();

        assertThat(worker.get("layer-key")).isEmpty();
        worker.put("layer-key", sampleResult());
        assertThat(worker.tryLease("layer-key")).isTrue();
        worker.release("layer-key");
    }
}
