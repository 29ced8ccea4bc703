package dev.layerwatch.engine.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerwatch.engine.advisory.AffectedPackage;
import dev.layerwatch.engine.advisory.AffectedRange;
import dev.layerwatch.engine.advisory.RangeEvent.Kind;
import dev.layerwatch.engine.advisory.RangeEvent;
import dev.layerwatch.engine.inventory.Ecosystem;
import dev.layerwatch.engine.standard.VersionComparators;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** OSV's evaluation rule, case by case, with npm SemVer ordering. */
class AffectedEvaluatorTest {

    private final AffectedEvaluator evaluator = new AffectedEvaluator(VersionComparators.forEcosystem(Ecosystem.NPM));

    private static AffectedPackage entry(List<String> versions, AffectedRange... ranges) {
        return new AffectedPackage("npm", "pkg", null, List.of(ranges), versions, null, null, null);
    }

    private static AffectedRange range(String type, RangeEvent... events) {
        return new AffectedRange(type, type.equals("GIT") ? "https://example.com/repo" : null, List.of(events));
    }

    private static RangeEvent ev(Kind kind, String version) {
        return new RangeEvent(kind, version);
    }

    @Test
    void lastAffectedIsInclusiveAndHasNoFix() {
        AffectedPackage e = entry(List.of(), range("ECOSYSTEM", ev(Kind.INTRODUCED, "1.0.0"), ev(Kind.LAST_AFFECTED, "1.4.2")));
        assertThat(evaluator.evaluate(e, "1.4.2")).contains(List.of());
        assertThat(evaluator.evaluate(e, "1.4.3")).isEmpty();
        assertThat(evaluator.evaluate(e, "0.9.0")).isEmpty();
    }

    @Test
    void fixedIsExclusiveAndEventsAreSortedBeforeTheWalk() {
        // published out of order on purpose
        AffectedPackage e = entry(List.of(), range("SEMVER", ev(Kind.FIXED, "2.0.1"), ev(Kind.INTRODUCED, "2.0.0"),
                ev(Kind.FIXED, "1.2.5"), ev(Kind.INTRODUCED, "0")));
        assertThat(evaluator.evaluate(e, "1.0.0")).contains(List.of("1.2.5"));
        assertThat(evaluator.evaluate(e, "1.2.5")).isEmpty();
        assertThat(evaluator.evaluate(e, "2.0.0")).contains(List.of("2.0.1"));
        assertThat(evaluator.evaluate(e, "2.0.1")).isEmpty();
    }

    @Test
    void prereleaseOrdersBeforeItsRelease() {
        AffectedPackage e = entry(List.of(), range("ECOSYSTEM", ev(Kind.INTRODUCED, "5.0.0-alpha.1"), ev(Kind.FIXED, "5.0.0")));
        assertThat(evaluator.evaluate(e, "5.0.0-beta.3")).isPresent();
        assertThat(evaluator.evaluate(e, "5.0.0-alpha.0")).isEmpty();
        assertThat(evaluator.evaluate(e, "5.0.0")).isEmpty();
    }

    @Test
    void limitCapsTheRange() {
        AffectedPackage e = entry(List.of(), range("ECOSYSTEM", ev(Kind.INTRODUCED, "0"), ev(Kind.LIMIT, "3.0.0")));
        assertThat(evaluator.evaluate(e, "2.9.9")).isPresent();
        assertThat(evaluator.evaluate(e, "3.0.0")).isEmpty();
    }

    @Test
    void explicitVersionsMatchExactlyEvenOutsideAnyRange() {
        AffectedPackage e = entry(List.of("0.5.0", "1.1.0"), range("ECOSYSTEM", ev(Kind.INTRODUCED, "1.0.0"), ev(Kind.FIXED, "1.2.0")));
        assertThat(evaluator.evaluate(e, "0.5.0")).contains(List.of("1.2.0"));
        assertThat(evaluator.evaluate(e, "0.6.0")).isEmpty();
    }

    @Test
    void gitRangesAreNotComparedWithVersions() {
        AffectedPackage e = entry(List.of(), range("GIT", ev(Kind.INTRODUCED, "0"), ev(Kind.FIXED, "a1b2c3d4")));
        assertThat(evaluator.evaluate(e, "1.0.0")).isEqualTo(Optional.empty());
    }

    @Test
    void noFixMeansAffectedFromIntroducedOn() {
        AffectedPackage e = entry(List.of(), range("ECOSYSTEM", ev(Kind.INTRODUCED, "0")));
        assertThat(evaluator.evaluate(e, "99.0.0")).contains(List.of());
    }

    @Test
    void invalidInstalledVersionIsReportedNotGuessed() {
        AffectedPackage e = entry(List.of(), range("ECOSYSTEM", ev(Kind.INTRODUCED, "1.0.0"), ev(Kind.FIXED, "1.2.0")));
        assertThatThrownBy(() -> evaluator.evaluate(e, "not-a-version")).isInstanceOf(IllegalArgumentException.class);
    }
}
