package dev.layerwatch.engine.ecosystem.rpm;

import dev.layerwatch.engine.inventory.OsRelease;
import java.util.List;
import java.util.Locale;

/**
 * Which OSV namespace holds the advisories of an RPM distribution, from os-release: AlmaLinux
 * ({@code ID=almalinux}, {@code VERSION_ID=9.4} → {@code AlmaLinux:9}) and Rocky Linux ({@code ID=rocky} →
 * {@code Rocky Linux:8}) publish OSV per major release; their records name binary RPMs, so packages are looked up
 * under their own name, not their source RPM. RHEL/UBI (CSAF VEX), Amazon Linux (ALAS) and SUSE are not read yet:
 * they get no namespace, so their packages are catalogued but not matched.
 */
public final class RpmDistroNamespaces {

    private RpmDistroNamespaces() {
    }

    /** The namespaces to look an RPM of this distribution up in; empty when no feed covers it. */
    public static List<String> of(OsRelease os) {
        if (os == null || os.id() == null || os.versionId() == null || os.versionId().isBlank()) {
            return List.of();
        }
        String major = os.versionId().strip();
        int dot = major.indexOf('.');
        major = dot > 0 ? major.substring(0, dot) : major;
        return switch (os.id().toLowerCase(Locale.ROOT)) {
            case "almalinux" -> List.of("AlmaLinux:" + major);
            case "rocky" -> List.of("Rocky Linux:" + major);
            default -> List.of();
        };
    }

    /**
     * AlmaLinux's bug-fix ({@code ALBA-}) and enhancement ({@code ALEA-}) advisories carry fixed versions but no
     * vulnerability: an update to offer, not a finding.
     */
    public static boolean isUpdateOnly(String advisoryId) {
        return advisoryId.startsWith("ALBA-") || advisoryId.startsWith("ALEA-")
                || advisoryId.startsWith("RLBA-") || advisoryId.startsWith("RLEA-");
    }
}
