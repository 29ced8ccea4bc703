package dev.layerwatch.engine.advisory;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One {@code affected[]} entry: a package in one ecosystem (with its release suffix, {@code Debian:12},
 * {@code Alpine:v3.18}, {@code Ubuntu:22.04:LTS}) and the versions it applies to.
 *
 * @param severity distro urgency or per-package severity word (Debian tracker {@code urgency}); null when none
 */
public record AffectedPackage(
        String ecosystem,
        String name,
        String purl,
        List<AffectedRange> ranges,
        List<String> versions,
        String severity,
        JsonNode databaseSpecific,
        JsonNode ecosystemSpecific) {

    public AffectedPackage {
        if (ecosystem == null || ecosystem.isBlank()) {
            throw new IllegalArgumentException("affected package " + name + " has no ecosystem");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("affected package in " + ecosystem + " has no name");
        }
        ranges = ranges == null ? List.of() : List.copyOf(ranges);
        versions = versions == null ? List.of() : List.copyOf(versions);
        // a JSON null read back from storage is no data, as when the field was absent
        databaseSpecific = databaseSpecific == null || databaseSpecific.isNull() ? null : databaseSpecific;
        ecosystemSpecific = ecosystemSpecific == null || ecosystemSpecific.isNull() ? null : ecosystemSpecific;
    }

    /** The ecosystem without its release suffix ({@code Debian:12} → {@code Debian}). */
    @JsonIgnore
    public String baseEcosystem() {
        int colon = ecosystem.indexOf(':');
        return colon < 0 ? ecosystem : ecosystem.substring(0, colon);
    }
}
