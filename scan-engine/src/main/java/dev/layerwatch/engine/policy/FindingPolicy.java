package dev.layerwatch.engine.policy;

import dev.layerwatch.common.finding.Severity;
import dev.layerwatch.common.finding.VulnerabilityFinding;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies, in order: VEX statements, ignore rules (expired ones no longer suppress), the minimum
 * severity, ignore-unfixed. VEX and ignore rules go first so that the report says the most useful
 * reason. The exit code is {@code exitCode} when any remaining finding is at or above
 * {@code failOn}, else 0.
 *
 * @param minimum       findings below it are suppressed (UNKNOWN keeps everything)
 * @param ignoreUnfixed suppress findings with no fixed version
 * @param failOn        threshold for the exit code
 * @param exitCode      code returned when the threshold is reached (0: never fail)
 * @param today         the date expiry is judged against
 */
public record FindingPolicy(Severity minimum, boolean ignoreUnfixed, List<IgnoreRule> ignores,
                            List<VexStatement> vex, Severity failOn, int exitCode, LocalDate today) {

    public FindingPolicy {
        minimum = minimum == null ? Severity.UNKNOWN : minimum;
        failOn = failOn == null ? minimum : failOn;
        ignores = ignores == null ? List.of() : List.copyOf(ignores);
        vex = vex == null ? List.of() : List.copyOf(vex);
        today = today == null ? LocalDate.now() : today;
    }

    /** No filtering, exit code 0. */
    public static FindingPolicy permissive() {
        return new FindingPolicy(Severity.UNKNOWN, false, List.of(), List.of(), Severity.UNKNOWN, 0, null);
    }

    public PolicyResult apply(List<VulnerabilityFinding> findings) {
        List<VulnerabilityFinding> kept = new ArrayList<>();
        List<SuppressedFinding> suppressed = new ArrayList<>();
        for (VulnerabilityFinding f : findings) {
            Optional<SuppressedFinding> why = suppression(f);
            if (why.isPresent()) {
                suppressed.add(why.get());
            } else {
                kept.add(f);
            }
        }
        boolean fail = exitCode != 0 && kept.stream().anyMatch(f -> f.severity().atLeast(failOn));
        return new PolicyResult(kept, suppressed, fail ? exitCode : 0);
    }

    private Optional<SuppressedFinding> suppression(VulnerabilityFinding f) {
        VexStatement statement = null;
        for (VexStatement s : vex) {
            if (s.appliesTo(f)) {
                statement = s; // the last statement about a vulnerability wins, as in a VEX document's history
            }
        }
        if (statement != null && statement.suppresses()) {
            String detail = statement.status()
                    + (statement.justification() != null ? ": " + statement.justification() : "")
                    + (statement.impactStatement() != null ? " (" + statement.impactStatement() + ")" : "");
            return Optional.of(new SuppressedFinding(f, "vex", detail));
        }
        for (IgnoreRule rule : ignores) {
            if (!rule.isExpired(today) && rule.matches(f)) {
                String detail = "line " + rule.line() + (rule.reason() != null ? ": " + rule.reason() : "")
                        + (rule.expires() != null ? " (until " + rule.expires() + ")" : "");
                return Optional.of(new SuppressedFinding(f, "ignore-file", detail));
            }
        }
        if (!f.severity().atLeast(minimum)) {
            return Optional.of(new SuppressedFinding(f, "severity", f.severity() + " is below " + minimum));
        }
        if (ignoreUnfixed && !f.fixable()) {
            return Optional.of(new SuppressedFinding(f, "unfixed", "no fixed version"));
        }
        return Optional.empty();
    }
}
