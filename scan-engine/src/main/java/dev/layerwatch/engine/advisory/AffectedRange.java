package dev.layerwatch.engine.advisory;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * An OSV range: {@code type} ECOSYSTEM, SEMVER or GIT ({@code repo} set for GIT), and its events in
 * the order published (the evaluator sorts them with the ecosystem's ordering).
 */
public record AffectedRange(String type, String repo, List<RangeEvent> events) {
    public static final String ECOSYSTEM = "ECOSYSTEM";
    public static final String SEMVER = "SEMVER";
    public static final String GIT = "GIT";

    public AffectedRange {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("range has no type");
        }
        events = events == null ? List.of() : List.copyOf(events);
    }

    @JsonIgnore
    public boolean isGit() {
        return GIT.equals(type);
    }
}
