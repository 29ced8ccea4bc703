package dev.layerwatch.engine.check;

import dev.layerwatch.common.finding.ConfigFinding;
import java.util.List;

/** What a check found, and warnings for input it could not read (a malformed config is a warning, not a crash). */
public record CheckResult(List<ConfigFinding> findings, List<String> warnings) {

    public CheckResult {
        findings = findings == null ? List.of() : List.copyOf(findings);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public static CheckResult warning(String warning) {
        return new CheckResult(List.of(), List.of(warning));
    }
}
