package dev.layerwatch.common.finding;

/**
 * The package a finding is about, as reports and notifications show it.
 *
 * @param location the file that evidences this copy of the package ({@code /app/app.jar!/BOOT-INF/lib/x.jar},
 *                 {@code /var/lib/dpkg/status}); tells apart several copies of one version in one image. May be null.
 */
public record PackageRef(String name, String version, String type, String purl, String location) {
    public PackageRef {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("package name is required");
        }
    }

    public PackageRef(String name, String version, String type, String purl) {
        this(name, version, type, purl, null);
    }
}
