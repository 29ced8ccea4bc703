package dev.layerwatch.common.finding;

/** The package a finding is about, as reports and notifications show it. */
public record PackageRef(String name, String version, String type, String purl) {
    public PackageRef {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("package name is required");
        }
    }
}
