package dev.layerwatch.notify.delivery;

import dev.layerwatch.notify.routing.ChannelKind;
import dev.layerwatch.notify.routing.Notification;

/**
 * One channel: formats a {@link Notification} and sends it. Implementations throw
 * {@link DeliveryFailure} and must be safe to call again for the same notification after a failure.
 */
public interface Notifier {

    ChannelKind kind();

    /**
     * Whether the pipeline should strip findings this target was already told about. Jira keeps its own
     * state (one ticket per fingerprint, found by label) and needs the full set to close what is gone.
     */
    default boolean announcesChangesOnly() {
        return true;
    }

    void deliver(Notification notification);
}
