package dev.layerwatch.engine.advisory;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * An OSV {@code severity[]} entry: {@code type} is CVSS_V2, CVSS_V3, CVSS_V4 or a vendor word scale
 * such as {@code Ubuntu}; {@code score} is the vector (or the word), never a number to trust as is.
 */
public record SeverityVector(String type, String score) {
    @JsonIgnore
    public boolean isCvss() {
        return type != null && type.startsWith("CVSS_");
    }
}
