package dev.layerwatch.engine.ecosystem.java;

import static dev.layerwatch.engine.version.VersionOrder.assertAscending;
import static dev.layerwatch.engine.version.VersionOrder.assertCompares;
import static dev.layerwatch.engine.version.VersionOrder.assertEquivalent;
import static dev.layerwatch.engine.version.VersionOrder.assertIrregular;
import static dev.layerwatch.engine.version.VersionOrder.assertTiers;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Cases written from Maven's ComparableVersion documentation and the orderings its ComparableVersionTest checks
 * (as of maven-artifact 3.9.x, which includes MNG-7644).
 */
class MavenVersionComparatorTest {

    private final MavenVersionComparator maven = new MavenVersionComparator();

    @Test
    void qualifierOrder() {
        assertAscending(maven,
                "1-alpha2snapshot", "1-alpha2", "1-alpha-123", "1-beta-2", "1-beta123", "1-m2", "1-m11",
                "1-rc", "1-cr2", "1-rc123", "1-SNAPSHOT", "1", "1-sp", "1-sp2", "1-sp123",
                "1-abc", "1-def", "1-pom-1", "1-1-snapshot", "1-1", "1-2", "1-123");
    }

    @Test
    void numberAndSeparatorOrder() {
        // a hyphen is weaker than a dot; a letter straight after a number is like a hyphen, and so (MNG-7644)
        // is a qualifier after a dot
        assertTiers(maven, List.of(
                List.of("2.0"), List.of("2.0.a", "2.0.0.a", "2-a"), List.of("2-1"), List.of("2.0.2"), List.of("2.0.123"),
                List.of("2.1.0"), List.of("2.1-a"), List.of("2.1b"), List.of("2.1-c"), List.of("2.1-1"), List.of("2.1.0.1"),
                List.of("2.2"), List.of("2.123"), List.of("11.a2"), List.of("11.a11"), List.of("11.b2"), List.of("11.b11"),
                List.of("11.m2"), List.of("11.m11"), List.of("11"), List.of("11.a"), List.of("11b"), List.of("11c"),
                List.of("11m")));
    }

    @Test
    void qualifierAfterADotIsLikeAfterAHyphen() {
        // MNG-7644: 1.0.0.X1 < 1.0.0-X2, and 2-X == 2.0.X == 2.0.0.X, for any qualifier X
        for (String x : List.of("abc", "alpha", "a", "beta", "b", "def", "milestone", "m", "RC")) {
            assertAscending(maven, "1.0.0." + x + "1", "1.0.0-" + x + "2");
            assertEquivalent(maven, "2-" + x, "2.0." + x, "2.0.0." + x);
        }
    }

    @Test
    void snapshotsAndReleases() {
        assertAscending(maven,
                "1.0-alpha-1-SNAPSHOT", "1.0-alpha-1", "1.0-alpha-2", "1.0-beta-1", "1.0-SNAPSHOT", "1.0",
                "1.0-1", "1.0-2", "1.0.1", "1.1", "1.2.0", "1.2-345", "1.3-SNAPSHOT", "1.3.1-SNAPSHOT",
                "1.3.1", "1.3.1.1-SNAPSHOT", "2", "2.0.1-xyz", "2.0.1-123", "2.5");
        assertCompares(maven, "2.0-1", "2.0.1", -1);
        assertCompares(maven, "2.0.1-klm", "2.0.1-lmn", -1);
    }

    @Test
    void equalSpellings() {
        assertEquivalent(maven, "1", "1.0", "1.0.0", "1-0", "1.0-0", "1ga", "1-GA", "1final", "1.Final",
                "1release", "1.RELEASE", "0001", "1.0.0.0.0");
        assertEquivalent(maven, "1a", "1-a", "1.0-a", "1.0.0-a", "1.0a", "1.0.0a");
        assertEquivalent(maven, "1cr", "1rc", "1Cr", "1RC");
        assertEquivalent(maven, "1a1", "1-alpha-1", "1alpha1", "1A1");
        assertEquivalent(maven, "1b2", "1-beta-2");
        assertEquivalent(maven, "1m3", "1-milestone-3", "1MileStone3");
        assertEquivalent(maven, "0", "00", "0000000000000000000", "0.0");
    }

    @Test
    void caseIsIgnoredWhateverTheDefaultLocale() {
        Locale original = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr"));
            assertEquivalent(maven, "1-abcdefghijklmnopqrstuvwxyz", "1-ABCDEFGHIJKLMNOPQRSTUVWXYZ");
        } finally {
            Locale.setDefault(original);
        }
    }

    @Test
    void transitivityEdgeCases() {
        // MNG-5568: a letter in the middle of a number
        assertAscending(maven, "6.1.0rc3", "6.1.0", "6.1H.5-beta");
        // MNG-6964: "-0." followed by a qualifier is still below the release
        assertAscending(maven, "1-0.alpha", "1-0.beta", "1");
        // MNG-6572: numbers beyond int and long
        assertAscending(maven, "20190126.230843", "1234567890.12345", "123456789012345.1H.5-beta",
                "12345678901234567890.1H.5-beta");
    }

    @Test
    void realArtifactVersions() {
        assertAscending(maven, "2.0-beta9", "2.0-rc1", "2.0-rc2", "2.0", "2.3.1", "2.12.2", "2.14.1", "2.15.0",
                "2.16.0", "2.17.0", "2.17.1");
        assertAscending(maven, "5.2.19.RELEASE", "5.2.20.RELEASE", "5.3.0-M1", "5.3.0-RC1", "5.3.0", "5.3.18");
        assertAscending(maven, "2.4.0-rc1", "2.4.0", "2.13.4", "2.13.4.1", "2.13.4.2", "2.13.5");
    }

    @Test
    void brokenFieldsAreComparedAsComparableVersionDoes() {
        assertIrregular(maven, "", "empty");
        assertIrregular(maven, " 1.0", "whitespace or control character at position 0");
        assertIrregular(maven, "1.0 beta", "position 3");
        assertIrregular(maven, "1.0\t", "position 3");
        // ComparableVersion: "" is 0, below 1.0; "1.0 beta" is the qualifier "0 beta", an unknown one after numbers end
        assertCompares(maven, "", "1.0", -1);
        assertCompares(maven, "", "0", 0);
    }
}
