package dev.layerwatch.engine.advisory;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.stream.Stream;

/**
 * One vulnerability record from one feed, in OSV's shape whatever the feed's own format.
 *
 * @param source         the feed family: {@code osv}, {@code alpine-secdb}, {@code debian-tracker}
 * @param scope          distinguishes records that share an id inside one feed (an Alpine branch and
 *                       repository, a Debian source package); empty for OSV, whose ids are unique
 * @param id             the feed's id (GHSA-…, PYSEC-…, GO-…, USN-…, CVE-…)
 * @param aliases        ids of the same vulnerability (merged into one finding)
 * @param related        ids linked for display only (OSV {@code related} and {@code upstream}); never merged on
 * @param modified       RFC 3339 as published (Go's git copies carry a zero placeholder)
 * @param withdrawn      RFC 3339 when withdrawn, else null
 * @param severities     CVSS (and Ubuntu) severity entries as published
 * @param recordSeverity the record's own word ({@code database_specific.severity}: GHSA's LOW…CRITICAL)
 */
public record Advisory(
        String source,
        String scope,
        String id,
        List<String> aliases,
        List<String> related,
        String modified,
        String withdrawn,
        String summary,
        List<SeverityVector> severities,
        String recordSeverity,
        List<AffectedPackage> affected) {

    public Advisory {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("advisory has no id");
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("advisory " + id + " has no source");
        }
        scope = scope == null ? "" : scope;
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        related = related == null ? List.of() : List.copyOf(related);
        severities = severities == null ? List.of() : List.copyOf(severities);
        affected = affected == null ? List.of() : List.copyOf(affected);
    }

    @JsonIgnore
    public boolean isWithdrawn() {
        return withdrawn != null && !withdrawn.isBlank();
    }

    /** The id and its aliases: the set alias merging intersects. */
    @JsonIgnore
    public List<String> allIds() {
        return Stream.concat(Stream.of(id), aliases.stream()).distinct().toList();
    }
}
