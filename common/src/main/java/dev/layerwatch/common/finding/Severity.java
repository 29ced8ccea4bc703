package dev.layerwatch.common.finding;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;

/** Finding severity, lowest first, so that {@code compareTo} orders by seriousness. */
public enum Severity {
    UNKNOWN, NEGLIGIBLE, LOW, MEDIUM, HIGH, CRITICAL;

    /**
     * Reads the severities feeds and users write: GHSA's {@code MODERATE}, Red Hat's
     * {@code Important}, Debian's {@code unimportant} urgency, {@code not yet assigned}. Unknown
     * words map to {@link #UNKNOWN}, never to an exception: a feed's new word must not fail a scan.
     */
    @JsonCreator
    public static Severity parseLenient(String text) {
        if (text == null) {
            return UNKNOWN;
        }
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.endsWith("**")) {
            s = s.substring(0, s.length() - 2);
        }
        return switch (s) {
            case "critical" -> CRITICAL;
            case "high", "important" -> HIGH;
            case "medium", "moderate" -> MEDIUM;
            case "low" -> LOW;
            case "negligible", "unimportant", "none", "info", "informational" -> NEGLIGIBLE;
            default -> UNKNOWN;
        };
    }

    /** Strict parse for user input (a CLI flag or a config value): names the accepted words on error. */
    public static Severity parse(String text) {
        if (text != null) {
            for (Severity s : values()) {
                if (s.name().equalsIgnoreCase(text.trim())) {
                    return s;
                }
            }
        }
        throw new IllegalArgumentException("invalid severity '" + text + "': expected one of UNKNOWN, NEGLIGIBLE, LOW, MEDIUM, HIGH, CRITICAL");
    }

    /** The CVSS v3/v4 qualitative rating of a base score. */
    public static Severity ofCvssScore(double score) {
        if (score >= 9.0) {
            return CRITICAL;
        }
        if (score >= 7.0) {
            return HIGH;
        }
        if (score >= 4.0) {
            return MEDIUM;
        }
        if (score > 0.0) {
            return LOW;
        }
        return NEGLIGIBLE;
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}
