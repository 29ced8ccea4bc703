package dev.layerwatch.ingest.webhook;

import dev.layerwatch.common.event.ImagePushed;
import java.util.ArrayList;
import java.util.List;

/** What one delivery means: the image pushes to publish and the events dropped, each with its reason. */
public record Translation(List<ImagePushed> pushes, List<Ignored> ignored, List<Invalid> invalid) {

    /** An event left out, with the sender's id when it has one (for the log). */
    public record Ignored(IgnoreReason reason, String senderEventId) {
    }

    /**
     * An event that could not be read: the sender's id when it could be read, why, and the raw event (its JSON),
     * which goes to the dead-letter topic instead of failing the delivery and blocking the sender's queue.
     */
    public record Invalid(String senderEventId, String reason, String rawEvent) {
    }

    public Translation {
        pushes = List.copyOf(pushes);
        ignored = List.copyOf(ignored);
        invalid = List.copyOf(invalid);
    }

    public Translation(List<ImagePushed> pushes, List<Ignored> ignored) {
        this(pushes, ignored, List.of());
    }

    public static Translation of(ImagePushed push) {
        return new Translation(List.of(push), List.of());
    }

    public static Translation ignored(IgnoreReason reason, String senderEventId) {
        return new Translation(List.of(), List.of(new Ignored(reason, senderEventId)));
    }

    /** Collects the outcome of a multi-event delivery in sender order. */
    public static final class Builder {
        private final List<ImagePushed> pushes = new ArrayList<>();
        private final List<Ignored> ignored = new ArrayList<>();
        private final List<Invalid> invalid = new ArrayList<>();

        public Builder push(ImagePushed push) {
            pushes.add(push);
            return this;
        }

        public Builder ignore(IgnoreReason reason, String senderEventId) {
            ignored.add(new Ignored(reason, senderEventId));
            return this;
        }

        public Builder invalid(String senderEventId, String reason, String rawEvent) {
            invalid.add(new Invalid(senderEventId, reason, rawEvent));
            return this;
        }

        public Translation build() {
            return new Translation(pushes, ignored, invalid);
        }
    }
}
