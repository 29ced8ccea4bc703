package dev.layerwatch.scan.redis;

import dev.layerwatch.engine.layerscan.LayerResult;
import dev.layerwatch.engine.layerscan.LayerResultCache;
import dev.layerwatch.engine.layerscan.LayerResultJson;
import dev.layerwatch.scan.config.ScanProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Per-layer results in Redis, keyed by layer digest × analyzer versions, so a layer shared by many images is
 * analysed once across all workers; a lease (SET NX PX) keeps two workers off the same layer at once. Redis
 * down is never a scan failure: reads miss, writes are dropped, every lease is granted (work is redone).
 */
@Component
public class RedisLayerResultCache implements LayerResultCache {

    private static final Logger log = LoggerFactory.getLogger(RedisLayerResultCache.class);
    private static final String RESULT_PREFIX = "lw:layer:";
    private static final String LEASE_PREFIX = "lw:lease:";
    /** Deletes the lease only if this worker still holds it (it may have expired and been taken over). */
    private static final RedisScript<Long> RELEASE = RedisScript.of(
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end", Long.class);

    private final StringRedisTemplate redis;
    private final ScanProperties properties;
    private final String owner = UUID.randomUUID().toString();
    private final Counter hits;
    private final Counter misses;
    private final Counter unavailable;

    public RedisLayerResultCache(StringRedisTemplate redis, ScanProperties properties, MeterRegistry meters) {
        this.redis = redis;
        this.properties = properties;
        this.hits = meters.counter("layerwatch.scan.layer.cache", "result", "hit");
        this.misses = meters.counter("layerwatch.scan.layer.cache", "result", "miss");
        this.unavailable = meters.counter("layerwatch.scan.layer.cache", "result", "redis-unavailable");
    }

    @Override
    public Optional<LayerResult> get(String key) {
        String json;
        try {
            json = redis.opsForValue().get(RESULT_PREFIX + key);
        } catch (RuntimeException e) {
            redisDown("read layer result " + key, e);
            return Optional.empty();
        }
        if (json == null) {
            misses.increment();
            return Optional.empty();
        }
        try {
            LayerResult result = LayerResultJson.read(json);
            hits.increment();
            return Optional.of(result);
        } catch (RuntimeException e) {
            log.warn("cached layer result {} is unreadable, analysing again: {}", key, e.getMessage());
            misses.increment();
            return Optional.empty();
        }
    }

    @Override
    public void put(String key, LayerResult result) {
        try {
            redis.opsForValue().set(RESULT_PREFIX + key, LayerResultJson.write(result), properties.layerCacheTtl());
        } catch (RuntimeException e) {
            redisDown("store layer result " + key, e);
        }
    }

    @Override
    public boolean tryLease(String key) {
        try {
            Boolean taken = redis.opsForValue().setIfAbsent(LEASE_PREFIX + key, owner, properties.layerLeaseTtl());
            return Boolean.TRUE.equals(taken);
        } catch (RuntimeException e) {
            redisDown("lease layer " + key, e);
            return true;
        }
    }

    @Override
    public void release(String key) {
        try {
            redis.execute(RELEASE, List.of(LEASE_PREFIX + key), owner);
        } catch (RuntimeException e) {
            redisDown("release lease " + key, e);
        }
    }

    private void redisDown(String action, RuntimeException e) {
        unavailable.increment();
        log.warn("Redis unavailable ({}), scanning without the layer cache: {}", action, e.getMessage());
    }
}
