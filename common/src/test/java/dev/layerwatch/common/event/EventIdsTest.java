package dev.layerwatch.common.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerwatch.common.event.ScanCompleted.Status;
import dev.layerwatch.common.image.Digest;
import dev.layerwatch.common.image.ImageReference;
import dev.layerwatch.common.image.Platform;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Event ids derive from what the event answers, so a redelivered cause yields the same id (issue #11). */
class EventIdsTest {

    private static final Digest AMD64 = Digest.parse("sha256:" + "a".repeat(64));
    private static final Digest ARM64 = Digest.parse("sha256:" + "b".repeat(64));

    @Test
    void aScanOfTheSamePushAndPlatformHasTheSameIdEveryTime() {
        Platform amd64 = Platform.parse("linux/amd64");
        String first = ScanCompleted.eventIdFor("push-1", AMD64, amd64, Status.SUCCEEDED);

        assertThat(ScanCompleted.eventIdFor("push-1", AMD64, amd64, Status.SUCCEEDED)).isEqualTo(first);
        assertThat(ScanCompleted.eventIdFor("push-1", ARM64, Platform.parse("linux/arm64"), Status.SUCCEEDED))
                .as("another platform of the same index").isNotEqualTo(first);
        assertThat(ScanCompleted.eventIdFor("push-2", AMD64, amd64, Status.SUCCEEDED)).as("another push").isNotEqualTo(first);
        assertThat(ScanCompleted.eventIdFor("push-1", AMD64, amd64, Status.FAILED))
                .as("a failure then a success are two facts").isNotEqualTo(first);
        assertThat(ScanCompleted.eventIdFor("push-1", null, null, Status.FAILED))
                .isEqualTo(ScanCompleted.eventIdFor("push-1", null, null, Status.FAILED));
    }

    @Test
    void anImagePushedFromTheSameSenderEventHasTheSameId() {
        ImageReference image = ImageReference.of("registry.example:5000", "team/app", "1.0", AMD64);
        ImagePushed a = ImagePushed.create("distribution", "evt-1", image, null, Instant.now());
        ImagePushed b = ImagePushed.create("distribution", "evt-1", image, null, Instant.now().plusSeconds(5));

        assertThat(b.eventId()).isEqualTo(a.eventId());
        assertThat(ImagePushed.create("harbor", "evt-1", image, null, Instant.now()).eventId()).isNotEqualTo(a.eventId());
        assertThat(ImagePushed.create("distribution", null, image, null, Instant.now()).eventId())
                .as("no sender id: nothing to derive from").isNotEqualTo(ImagePushed.create("distribution", null, image, null,
                        Instant.now()).eventId());
    }
}
