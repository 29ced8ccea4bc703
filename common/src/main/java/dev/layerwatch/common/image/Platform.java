package dev.layerwatch.common.image;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/** An image platform {@code os/architecture[/variant]}, e.g. {@code linux/arm64/v8}. */
public record Platform(String os, String architecture, String variant) {

    private static final Pattern PART = Pattern.compile("[a-z0-9._-]+");

    public Platform {
        if (os == null || !PART.matcher(os).matches()) {
            throw new IllegalArgumentException("invalid platform os '" + os + "'");
        }
        if (architecture == null || !PART.matcher(architecture).matches()) {
            throw new IllegalArgumentException("invalid platform architecture '" + architecture + "'");
        }
        if (variant != null && variant.isEmpty()) {
            variant = null;
        }
        if (variant != null && !PART.matcher(variant).matches()) {
            throw new IllegalArgumentException("invalid platform variant '" + variant + "'");
        }
    }

    @JsonCreator
    public static Platform parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("invalid platform: empty");
        }
        String[] parts = text.split("/", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException("invalid platform '" + text + "': expected os/architecture[/variant], e.g. linux/amd64");
        }
        return new Platform(parts[0], parts[1], parts.length == 3 ? parts[2] : null);
    }

    /** Whether this platform (a request) selects {@code candidate}; a missing variant matches any variant. */
    public boolean selects(Platform candidate) {
        return os.equals(candidate.os) && architecture.equals(candidate.architecture)
                && (variant == null || variant.equals(candidate.variant));
    }

    @JsonValue
    @Override
    public String toString() {
        return variant == null ? os + "/" + architecture : os + "/" + architecture + "/" + variant;
    }
}
