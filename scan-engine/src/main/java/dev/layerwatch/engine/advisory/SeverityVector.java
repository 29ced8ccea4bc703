package dev.layerwatch.engine.advisory;

/**
 * An OSV {@code severity[]} entry: {@code type} is CVSS_V2, CVSS_V3, CVSS_V4 or a vendor word scale
 * such as {@code Ubuntu}; {@code score} is the vector (or the word), never a number to trust as is.
 */
public record SeverityVector(String type, String score) {
    public boolean isCvss() {
        return type != null && type.startsWith("CVSS_");
    }
}
