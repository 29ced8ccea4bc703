package dev.layerwatch.engine.advisory;

/** One range event: {@code introduced} (inclusive), {@code fixed} (exclusive), {@code last_affected} (inclusive), {@code limit}. */
public record RangeEvent(Kind kind, String version) {
    public enum Kind { INTRODUCED, FIXED, LAST_AFFECTED, LIMIT }

    public RangeEvent {
        if (kind == null || version == null || version.isBlank()) {
            throw new IllegalArgumentException("range event needs a kind and a version");
        }
    }

    public static RangeEvent introduced(String version) {
        return new RangeEvent(Kind.INTRODUCED, version);
    }

    public static RangeEvent fixed(String version) {
        return new RangeEvent(Kind.FIXED, version);
    }
}
