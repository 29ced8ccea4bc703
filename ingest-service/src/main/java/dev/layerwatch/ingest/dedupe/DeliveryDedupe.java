package dev.layerwatch.ingest.dedupe;

import dev.layerwatch.common.event.ImagePushed;
import dev.layerwatch.ingest.metrics.IngestMetrics;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.SetParams;

/**
 * Keys are {@code <prefix><source>:<sender event id>}. The ids of a delivery are looked up before publishing and
 * written ({@code SET NX} with the TTL) only after Kafka acknowledged the events, so a delivery that failed to
 * publish is not remembered and its retry is published. Two concurrent deliveries of one id may both publish;
 * downstream dedupes on the image, which this only makes rare.
 *
 * <p>Each step is one round trip on one pooled connection whatever the number of events (a pipeline), spoken in
 * Jedis's own commands: the connection still comes from Spring's factory (so {@code spring.data.redis.*} applies),
 * but the template's per-command conversion layers cost more CPU than the two commands themselves.
 */
@Component
public class DeliveryDedupe {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDedupe.class);

    private final RedisConnectionFactory connections;
    private final IngestDedupeProperties properties;
    private final IngestMetrics metrics;

    public DeliveryDedupe(RedisConnectionFactory connections, IngestDedupeProperties properties, IngestMetrics metrics) {
        this.connections = connections;
        this.properties = properties;
        this.metrics = metrics;
    }

    /**
     * The sender event ids among {@code events} (all of one source) that were already published; empty when none
     * were, or when Redis cannot say. Events without a sender id are never duplicates.
     */
    public Set<String> alreadyPublished(String source, List<ImagePushed> events) {
        List<String> ids = senderIds(events);
        if (ids.isEmpty()) {
            return Set.of();
        }
        try (RedisConnection connection = connections.getConnection()) {
            Jedis jedis = (Jedis) connection.getNativeConnection();
            Set<String> published = new HashSet<>();
            if (ids.size() == 1) {
                if (jedis.exists(key(source, ids.getFirst()))) {
                    published.add(ids.getFirst());
                }
                return published;
            }
            Pipeline pipeline = jedis.pipelined();
            List<Response<Boolean>> answers = new ArrayList<>(ids.size());
            for (String id : ids) {
                answers.add(pipeline.exists(key(source, id)));
            }
            pipeline.sync();
            for (int i = 0; i < ids.size(); i++) {
                if (Boolean.TRUE.equals(answers.get(i).get())) {
                    published.add(ids.get(i));
                }
            }
            return published;
        } catch (RuntimeException e) {
            metrics.dedupeUnavailable(source);
            log.warn("dedupe lookup of {} {} event(s) {} failed, publishing without dedupe: {}", ids.size(), source, ids, e.toString());
            return Set.of();
        }
    }

    /** Records that these sender events are in Kafka; a Redis failure only costs a possible duplicate later. */
    public void rememberPublished(String source, List<ImagePushed> events) {
        List<ImagePushed> withIds = events.stream().filter(event -> event.sourceEventId() != null).toList();
        if (withIds.isEmpty()) {
            return;
        }
        SetParams onceWithTtl = SetParams.setParams().nx().px(properties.ttl().toMillis());
        try (RedisConnection connection = connections.getConnection()) {
            Jedis jedis = (Jedis) connection.getNativeConnection();
            if (withIds.size() == 1) {
                ImagePushed event = withIds.getFirst();
                jedis.set(key(source, event.sourceEventId()), event.eventId(), onceWithTtl);
                return;
            }
            Pipeline pipeline = jedis.pipelined();
            for (ImagePushed event : withIds) {
                pipeline.set(key(source, event.sourceEventId()), event.eventId(), onceWithTtl);
            }
            pipeline.sync();
        } catch (RuntimeException e) {
            metrics.dedupeUnavailable(source);
            log.warn("could not remember {} {} event(s) {} as published: {}", withIds.size(), source, senderIds(withIds), e.toString());
        }
    }

    private static List<String> senderIds(List<ImagePushed> events) {
        return events.stream().map(ImagePushed::sourceEventId).filter(id -> id != null).distinct().toList();
    }

    private String key(String source, String senderEventId) {
        return properties.keyPrefix() + source + ":" + senderEventId;
    }
}
