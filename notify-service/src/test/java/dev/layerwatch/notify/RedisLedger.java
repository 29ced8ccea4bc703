package dev.layerwatch.notify;

import dev.layerwatch.notify.delivery.DeliveryLedger;
import dev.layerwatch.notify.delivery.DeliveryProperties;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** A {@link DeliveryLedger} on a real Redis, for tests that run a notifier without Spring. */
public final class RedisLedger implements AutoCloseable {

    private final JedisConnectionFactory factory;
    private final DeliveryLedger ledger;

    public RedisLedger(String host, int port) {
        factory = new JedisConnectionFactory(new RedisStandaloneConfiguration(host, port));
        factory.afterPropertiesSet();
        factory.start();
        StringRedisTemplate redis = new StringRedisTemplate(factory);
        ledger = new DeliveryLedger(redis, DeliveryProperties.defaults());
    }

    public DeliveryLedger ledger() {
        return ledger;
    }

    @Override
    public void close() {
        factory.destroy();
    }
}
