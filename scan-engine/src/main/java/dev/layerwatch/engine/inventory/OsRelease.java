package dev.layerwatch.engine.inventory;

/**
 * The distribution an image is built on, from {@code /etc/os-release} and friends.
 *
 * @param id              os-release {@code ID} (alpine, debian, ubuntu, rhel, rocky, almalinux, amzn…)
 * @param versionId       os-release {@code VERSION_ID} (alpine: full {@code 3.18.4}; debian: {@code 12})
 * @param versionCodename {@code VERSION_CODENAME} (bookworm, jammy) where given
 * @param prettyName      {@code PRETTY_NAME} for display
 */
public record OsRelease(String id, String versionId, String versionCodename, String prettyName) {
    public OsRelease {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("os-release ID is required");
        }
    }

    /** Alpine's branch form of the version ({@code 3.18.4} → {@code v3.18}); other distros: the version id. */
    public String alpineBranch() {
        if (versionId == null) {
            return null;
        }
        String[] parts = versionId.split("\\.");
        return parts.length >= 2 ? "v" + parts[0] + "." + parts[1] : "v" + versionId;
    }
}
