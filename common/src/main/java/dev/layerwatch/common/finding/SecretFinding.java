package dev.layerwatch.common.finding;

/**
 * A credential found in a layer file or in the image config; {@code redacted} never holds the secret itself.
 *
 * @param location a path in the image filesystem, or {@code config:Env} for the image config
 * @param line     1-based line number, 0 when not applicable
 */
public record SecretFinding(String ruleId, Severity severity, String title, String location, int line, String layer, String redacted) {
    public SecretFinding {
        if (ruleId == null || ruleId.isBlank()) {
            throw new IllegalArgumentException("secret rule id is required");
        }
        severity = severity == null ? Severity.UNKNOWN : severity;
    }
}
