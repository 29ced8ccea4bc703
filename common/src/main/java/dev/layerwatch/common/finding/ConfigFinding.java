package dev.layerwatch.common.finding;

/**
 * A risky image setting or build practice (runs as root, no healthcheck, end-of-life base…).
 *
 * @param id a stable rule id such as {@code LW-CONFIG-ROOT-USER}
 */
public record ConfigFinding(String id, Severity severity, String title, String detail) {
    public ConfigFinding {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("config finding id is required");
        }
        severity = severity == null ? Severity.UNKNOWN : severity;
    }
}
