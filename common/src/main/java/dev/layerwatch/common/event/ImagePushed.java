package dev.layerwatch.common.event;

import dev.layerwatch.common.image.Digest;
import dev.layerwatch.common.image.ImageReference;
import java.time.Instant;
import java.util.UUID;

/**
 * A registry told us an image was pushed. Written by ingest-service to {@link Topics#IMAGE_PUSHED}
 * only once the broker acknowledged it.
 *
 * @param source        the webhook flavour that delivered it ({@code distribution}, {@code harbor}, …)
 * @param sourceEventId the sender's own event id; retried deliveries repeat it, which is what dedupe keys on
 * @param digest        the manifest (or index) digest; null when the sender only names a tag (Docker Hub, Quay)
 * @param mediaType     the manifest media type when the sender says it, else null
 */
public record ImagePushed(
        String eventId,
        int schemaVersion,
        String source,
        String sourceEventId,
        String registry,
        String repository,
        String tag,
        Digest digest,
        String mediaType,
        Instant receivedAt) {

    public static final int SCHEMA_VERSION = 1;

    public ImagePushed {
        if (eventId == null || eventId.isBlank()) {
            throw new IllegalArgumentException("ImagePushed needs an eventId");
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("ImagePushed " + eventId + " needs a source");
        }
        if (receivedAt == null) {
            throw new IllegalArgumentException("ImagePushed " + eventId + " needs receivedAt");
        }
        // validates registry, repository, tag and digest together
        ImageReference.of(registry, repository, tag, digest);
    }

    /**
     * A new event. Its id is derived from the sender's event id and the image when the sender gives one (a
     * webhook redelivered after ingest's dedupe forgot it still yields the same id downstream), else random.
     */
    public static ImagePushed create(String source, String sourceEventId, ImageReference image, String mediaType, Instant receivedAt) {
        String id = sourceEventId == null || sourceEventId.isBlank()
                ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes((Topics.IMAGE_PUSHED + "|" + source + "|" + sourceEventId + "|"
                        + image.partitionKey()).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
        return new ImagePushed(id, SCHEMA_VERSION, source, sourceEventId,
                image.registry(), image.repository(), image.tag(), image.digest(), mediaType, receivedAt);
    }

    public ImageReference image() {
        return ImageReference.of(registry, repository, tag, digest);
    }

    /** Kafka key: one image stays on one partition. */
    public String key() {
        return image().partitionKey();
    }
}
