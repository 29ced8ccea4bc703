package dev.layerwatch.ingest.publish;

import dev.layerwatch.common.event.ImagePushed;
import java.util.List;

/**
 * Which events of a batch the broker acknowledged. When {@code failed} is not empty the delivery must not be
 * acknowledged to its sender; {@code failure} says why (safe to log and to return).
 */
public record PublishOutcome(List<ImagePushed> acknowledged, List<ImagePushed> failed, String failure) {

    public PublishOutcome {
        acknowledged = List.copyOf(acknowledged);
        failed = List.copyOf(failed);
    }

    public boolean complete() {
        return failed.isEmpty();
    }
}
