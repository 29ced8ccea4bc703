package dev.layerwatch.notify.routing;

/**
 * One place a notification is delivered to: a channel kind and its destination (a Slack channel id, or
 * {@code webhook} for the incoming webhook; {@code jira}, {@code webhook}, {@code log} for the others). Its {@link #id()} keys idempotency, state and
 * the resilience instances, so it must stay stable across restarts.
 */
public record Target(ChannelKind kind, String destination) {

    public Target {
        if (kind == null) {
            throw new IllegalArgumentException("target needs a channel kind");
        }
        if (destination == null || destination.isBlank()) {
            throw new IllegalArgumentException("target " + kind.id() + " needs a destination");
        }
    }

    public String id() {
        return kind.id() + ":" + destination;
    }

    /** Reads {@link #id()} back. */
    public static Target parse(String id) {
        int colon = id == null ? -1 : id.indexOf(':');
        if (colon <= 0 || colon == id.length() - 1) {
            throw new IllegalArgumentException("invalid notification target '" + id + "': expected kind:destination");
        }
        return new Target(ChannelKind.parse(id.substring(0, colon)), id.substring(colon + 1));
    }

    @Override
    public String toString() {
        return id();
    }
}
