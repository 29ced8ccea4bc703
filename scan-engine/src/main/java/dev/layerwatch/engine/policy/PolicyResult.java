package dev.layerwatch.engine.policy;

import dev.layerwatch.common.finding.VulnerabilityFinding;
import java.util.List;

/** Findings that remain, findings suppressed (with reasons), and the exit code the CLI should return. */
public record PolicyResult(List<VulnerabilityFinding> findings, List<SuppressedFinding> suppressed, int exitCode) {
    public PolicyResult {
        findings = List.copyOf(findings);
        suppressed = List.copyOf(suppressed);
    }
}
