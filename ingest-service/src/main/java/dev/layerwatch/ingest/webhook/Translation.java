package dev.layerwatch.ingest.webhook;

import dev.layerwatch.common.event.ImagePushed;
import java.util.ArrayList;
import java.util.List;

/** What one delivery means: the image pushes to publish and the events dropped, each with its reason. */
public record Translation(List<ImagePushed> pushes, List<Ignored> ignored) {

    /** An event left out, with the sender's id when it has one (for the log). */
    public record Ignored(IgnoreReason reason, String senderEventId) {
    }

    public Translation {
        pushes = List.copyOf(pushes);
        ignored = List.copyOf(ignored);
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

        public Builder push(ImagePushed push) {
            pushes.add(push);
            return this;
        }

        public Builder ignore(IgnoreReason reason, String senderEventId) {
            ignored.add(new Ignored(reason, senderEventId));
            return this;
        }

        public Translation build() {
            return new Translation(pushes, ignored);
        }
    }
}
