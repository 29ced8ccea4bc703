package dev.layerwatch.common.finding;

/** A CVSS vector with the base score computed from it ({@code version} is "3.1", "3.0", "4.0" or "2.0"). */
public record Cvss(String version, String vector, double score) {
    public Cvss {
        if (vector == null || vector.isBlank()) {
            throw new IllegalArgumentException("invalid CVSS: empty vector");
        }
        if (score < 0.0 || score > 10.0) {
            throw new IllegalArgumentException("invalid CVSS score " + score + " for " + vector + ": must be 0.0 to 10.0");
        }
    }
}
