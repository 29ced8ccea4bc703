package dev.layerwatch.notify.delivery;

import dev.layerwatch.notify.routing.Target;
import java.time.Duration;
import java.util.Set;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * What notify-service remembers in Redis: which event reached which target (idempotency, so a
 * redelivered {@code ScanCompleted} never posts twice) and which findings each target was told
 * about per image (so a re-scan only announces what is new). Losing it costs at worst a repeated
 * chat message: Jira finds its tickets by label.
 */
public final class DeliveryLedger {

    /** Member of an announced-set meaning "this image was announced", so a clean first scan is announced once. */
    public static final String IMAGE_ANNOUNCED = "image";

    private static final String PREFIX = "lw:notify:";

    private final StringRedisTemplate redis;
    private final DeliveryProperties properties;

    public DeliveryLedger(StringRedisTemplate redis, DeliveryProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    public boolean delivered(String eventId, Target target) {
        return Boolean.TRUE.equals(redis.hasKey(doneKey(eventId, target)));
    }

    public void recordDelivered(String eventId, Target target, String detail) {
        redis.opsForValue().set(doneKey(eventId, target), detail, properties.idempotencyTtl());
    }

    /**
     * Claims the delivery of {@code eventId} to {@code target} so that the main and the retry consumer
     * never send the same thing at once; false when someone else holds the claim.
     */
    public boolean claim(String eventId, Target target, Duration hold) {
        return Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(claimKey(eventId, target), "1", hold));
    }

    public void release(String eventId, Target target) {
        redis.delete(claimKey(eventId, target));
    }

    public Set<String> announced(Target target, String imageKey) {
        Set<String> members = redis.opsForSet().members(announcedKey(target, imageKey));
        return members == null ? Set.of() : members;
    }

    public void recordAnnounced(Target target, String imageKey, Set<String> findingKeys) {
        String key = announcedKey(target, imageKey);
        redis.opsForSet().add(key, IMAGE_ANNOUNCED);
        if (!findingKeys.isEmpty()) {
            redis.opsForSet().add(key, findingKeys.toArray(String[]::new));
        }
        redis.expire(key, properties.stateTtl());
    }

    /** A named value for a channel's own state (Slack thread ts, Jira keys), kept for {@code stateTtl}. */
    public String state(String name) {
        return redis.opsForValue().get(PREFIX + "state:" + name);
    }

    public void recordState(String name, String value) {
        redis.opsForValue().set(PREFIX + "state:" + name, value, properties.stateTtl());
    }

    /** Adds to a named set; true when the member was new. */
    public boolean addToSet(String name, String member) {
        String key = PREFIX + "set:" + name;
        Long added = redis.opsForSet().add(key, member);
        redis.expire(key, properties.stateTtl());
        return added != null && added > 0;
    }

    public void removeFromSet(String name, String member) {
        redis.opsForSet().remove(PREFIX + "set:" + name, member);
    }

    public Duration stateTtl() {
        return properties.stateTtl();
    }

    private static String doneKey(String eventId, Target target) {
        return PREFIX + "done:" + eventId + ":" + target.id();
    }

    private static String claimKey(String eventId, Target target) {
        return PREFIX + "claim:" + eventId + ":" + target.id();
    }

    private static String announcedKey(Target target, String imageKey) {
        return PREFIX + "announced:" + target.id() + ":" + imageKey;
    }
}
