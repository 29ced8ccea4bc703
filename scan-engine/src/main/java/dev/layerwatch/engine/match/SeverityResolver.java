package dev.layerwatch.engine.match;

import dev.layerwatch.common.finding.Cvss;
import dev.layerwatch.common.finding.Severity;
import dev.layerwatch.engine.advisory.AffectedPackage;
import dev.layerwatch.engine.advisory.Advisory;
import dev.layerwatch.engine.advisory.SeverityVector;
import java.util.Optional;
import java.util.function.Function;

/**
 * Picks one severity for a matched advisory: the CVSS v4.0 or v3.x base score computed from the
 * record's vector (v4.0 first when both are published), else the record's own word (GHSA
 * {@code database_specific.severity}, Ubuntu's severity entry), else the distro urgency of the
 * matched entry (Debian {@code unimportant} → NEGLIGIBLE), else a CVSS v2 score.
 */
final class SeverityResolver {

    private final Function<String, Optional<Cvss>> cvssScorer;

    SeverityResolver(Function<String, Optional<Cvss>> cvssScorer) {
        this.cvssScorer = cvssScorer;
    }

    SeverityChoice resolve(Advisory advisory, AffectedPackage entry) {
        Cvss v4 = scored(advisory, "CVSS_V4");
        Cvss v3 = scored(advisory, "CVSS_V3");
        Cvss best = v4 != null ? v4 : v3;
        if (best != null) {
            return new SeverityChoice(3, Severity.ofCvssScore(best.score()), best);
        }
        Cvss v2 = scored(advisory, "CVSS_V2");
        Severity own = Severity.parseLenient(advisory.recordSeverity());
        if (own == Severity.UNKNOWN) {
            own = advisory.severities().stream().filter(s -> !s.isCvss())
                    .map(s -> Severity.parseLenient(s.score())).filter(s -> s != Severity.UNKNOWN)
                    .findFirst().orElse(Severity.UNKNOWN);
        }
        if (own == Severity.UNKNOWN && entry != null && entry.severity() != null && !entry.baseEcosystem().equals("Debian")) {
            // per-package vendor severity (Ubuntu) is the record's own word too
            own = Severity.parseLenient(entry.severity());
        }
        if (own != Severity.UNKNOWN) {
            return new SeverityChoice(2, own, v2);
        }
        if (entry != null && entry.severity() != null) {
            Severity urgency = Severity.parseLenient(entry.severity());
            if (urgency != Severity.UNKNOWN) {
                return new SeverityChoice(1, urgency, v2);
            }
        }
        if (v2 != null) {
            return new SeverityChoice(0, Severity.ofCvssScore(v2.score()), v2);
        }
        return new SeverityChoice(0, Severity.UNKNOWN, null);
    }

    private Cvss scored(Advisory advisory, String type) {
        for (SeverityVector s : advisory.severities()) {
            if (type.equals(s.type())) {
                Optional<Cvss> cvss = cvssScorer.apply(s.score());
                if (cvss.isPresent()) {
                    return cvss.get();
                }
            }
        }
        return null;
    }
}
