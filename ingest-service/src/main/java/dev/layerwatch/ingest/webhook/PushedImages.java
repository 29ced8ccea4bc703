package dev.layerwatch.ingest.webhook;

import dev.layerwatch.common.event.ImagePushed;
import dev.layerwatch.common.image.Digest;
import dev.layerwatch.common.image.ImageReference;
import java.time.Instant;

/**
 * Builds {@link ImagePushed} events from sender fields. When the reference is invalid, registry, repository and tag
 * are checked one at a time so that the bad value is reported against the sender's own field name rather than as a
 * generic reference error.
 */
public final class PushedImages {

    private static final String PROBE_REGISTRY = "localhost";
    private static final String PROBE_REPOSITORY = "probe";
    private static final String PROBE_TAG = "probe";

    private PushedImages() {
    }

    /** A field value together with the path it came from, for error messages. */
    public record Field(String value, String path) {
        public static Field of(String value, String path) {
            return new Field(value, path);
        }
    }

    public static ImagePushed create(WebhookDelivery delivery, String senderEventId, Field registry, Field repository,
            Field tag, Digest digest, String mediaType) {
        if (registry.value() != null && repository.value() != null && (tag.value() != null || digest != null)) {
            try {
                ImageReference image = ImageReference.of(registry.value(), repository.value(), tag.value(), digest);
                return ImagePushed.create(delivery.source(), senderEventId, image, mediaType, delivery.receivedAt());
            } catch (IllegalArgumentException e) {
                // fall through: find which field is at fault, one at a time
            }
        }
        check(registry, () -> ImageReference.of(registry.value(), PROBE_REPOSITORY, PROBE_TAG, null));
        check(repository, () -> ImageReference.of(PROBE_REGISTRY, repository.value(), PROBE_TAG, null));
        if (tag.value() != null) {
            check(tag, () -> ImageReference.of(PROBE_REGISTRY, PROBE_REPOSITORY, tag.value(), null));
        }
        if (tag.value() == null && digest == null) {
            throw new InvalidWebhookException(tag.path(), "the event names neither a tag nor a digest");
        }
        ImageReference image = ImageReference.of(registry.value(), repository.value(), tag.value(), digest);
        Instant receivedAt = delivery.receivedAt();
        return ImagePushed.create(delivery.source(), senderEventId, image, mediaType, receivedAt);
    }

    private static void check(Field field, Runnable validation) {
        if (field.value() == null) {
            throw new InvalidWebhookException(field.path(), "missing");
        }
        try {
            validation.run();
        } catch (IllegalArgumentException e) {
            throw new InvalidWebhookException(field.path(), e.getMessage());
        }
    }
}
