package dev.layerwatch.engine.advisory;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

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

    public static final String NOT_AFFECTED = "not_affected";

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

    /**
     * A distro's statement that the package was never affected in that release (Alpine secdb {@code "0"},
     * Debian tracker {@code fixed_version "0"}): no ranges, {@code database_specific.status = not_affected}.
     * It matches nothing itself and suppresses other feeds' findings for the same id on that package.
     */
    public static AffectedPackage notAffected(String ecosystem, String name) {
        ObjectNode specific = JsonNodeFactory.instance.objectNode();
        specific.put("status", NOT_AFFECTED);
        return new AffectedPackage(ecosystem, name, null, List.of(), List.of(), null, specific, null);
    }

    @JsonIgnore
    public boolean isNotAffected() {
        return ranges.isEmpty() && versions.isEmpty() && databaseSpecific != null
                && NOT_AFFECTED.equals(databaseSpecific.path("status").asString(""));
    }

    /**
     * A RUSTSEC informational notice ({@code database_specific.informational}: {@code unmaintained},
     * {@code unsound}, {@code notice}): advice about a crate, not a vulnerability, so it is not a finding.
     */
    @JsonIgnore
    public boolean isInformational() {
        JsonNode informational = databaseSpecific == null ? null : databaseSpecific.get("informational");
        return informational != null && informational.isString() && !informational.stringValue().isEmpty();
    }

    /** The ecosystem without its release suffix ({@code Debian:12} → {@code Debian}). */
    @JsonIgnore
    public String baseEcosystem() {
        int colon = ecosystem.indexOf(':');
        return colon < 0 ? ecosystem : ecosystem.substring(0, colon);
    }
}
