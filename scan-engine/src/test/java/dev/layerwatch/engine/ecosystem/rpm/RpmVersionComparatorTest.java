package dev.layerwatch.engine.ecosystem.rpm;

import static dev.layerwatch.engine.version.VersionOrder.assertAscending;
import static dev.layerwatch.engine.version.VersionOrder.assertCompares;
import static dev.layerwatch.engine.version.VersionOrder.assertEquivalent;
import static dev.layerwatch.engine.version.VersionOrder.assertIrregular;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cases written from rpm's rpmvercmp rules and the pairs of its test suite (tests/rpmvercmp.at). */
class RpmVersionComparatorTest {

    private final RpmVersionComparator rpm = new RpmVersionComparator();

    @ParameterizedTest(name = "rpmvercmp({0}, {1}) = {2}")
    @CsvSource(delimiter = ' ', value = {
        "1.0 1.0 0", "1.0 2.0 -1", "2.0.1 2.0 1", "2.0.1a 2.0.1 1", "5.5p1 5.5p2 -1", "5.5p10 5.5p1 1",
        "10xyz 10.1xyz -1", "xyz10 xyz10.1 -1", "xyz.4 8 -1", "xyz.4 2 -1", "5.5p2 5.6p1 -1", "5.6p1 6.5p1 -1",
        "6.0.rc1 6.0 1", "10b2 10a1 1", "10a2 10b2 -1", "1.0a 1.0aa -1", "10.0001 10.1 0", "10.0001 10.0039 -1",
        "4.999.9 5.0 -1", "20101121 20101122 -1", "2_0 2.0 0", "a+ a_ 0", "+a _a 0", "_+ +_ 0", "+ _ 0",
        // tilde: before everything, even the end of the other string
        "1.0~rc1 1.0 -1", "1.0~rc1 1.0~rc2 -1", "1.0~rc1~git123 1.0~rc1 -1",
        // caret: after the base version, before anything else appended to it
        "1.0^ 1.0 1", "1.0^git1 1.0 1", "1.0^git1 1.0^git2 -1", "1.0^git1 1.01 -1", "1.0^20160101 1.0.1 -1",
        "1.0^20160102 1.0^20160101^git1 1", "1.0~rc1^git1 1.0~rc1 1", "1.0^git1~pre 1.0^git1 -1",
        // numbers beat letters in the same position
        "2a 2.0 -1", "1.0a 1.0.1 -1"
    })
    void rpmvercmpPairs(String a, String b, int expected) {
        assertCompares(rpm, a, b, expected);
    }

    @Test
    void epochVersionReleaseInOrder() {
        assertAscending(rpm,
                "0.9-1", "1.0~rc1-1", "1.0", "1.0-1", "1.0-1.el8", "1.0-1.el8_1", "1.0-2", "1.0^git1-1",
                "1.0.1-1", "1.1-1", "2.0-1", "1:0.1-1", "2:0.0.1-1");
    }

    @Test
    void realDistroVersions() {
        assertAscending(rpm, "3.0.7-24.el9", "3.0.7-25.el9_3", "3.0.7-27.el9", "1:3.0.7-28.el9_4");
        assertAscending(rpm, "2.28-225.el8", "2.28-225.el8_8.6", "2.28-236.el8");
    }

    @Test
    void equalSpellings() {
        assertEquivalent(rpm, "1.0-1", "0:1.0-1", "1_0-1", "1.00-1", "01.0-01");
        assertEquivalent(rpm, "1.0-1.el8", "1.0-1_el8");
    }

    @Test
    void oddVersionsAreComparedAsRpmDoes() {
        assertIrregular(rpm, "", "version part is empty");
        assertIrregular(rpm, "1.0-", "release after '-' is empty");
        assertIrregular(rpm, "-1", "version part is empty");
        assertIrregular(rpm, "a:1.0", "character ':' in version");
        assertIrregular(rpm, "1:", "version part is empty");
        assertIrregular(rpm, "1.0-1-2", "character '-' in version");
        assertIrregular(rpm, "1.0 -1", "character ' ' in version");
        assertIrregular(rpm, "1.0-1/2", "character '/' in release");
        // parseEVR: an empty epoch is 0, a big one is just a number, a non-numeric one is part of the version
        assertCompares(rpm, ":1.0", "0:1.0", 0);
        assertCompares(rpm, ":1.0", "1.0", 0);
        assertCompares(rpm, "99999999999:1.0", "2147483647:9.0", 1);
        assertCompares(rpm, "a:1.0", "1.0", -1);
        // separators only separate
        assertCompares(rpm, "1.0-1/2", "1.0-1.2", 0);
        assertCompares(rpm, "1.0-1-2", "1.0.1-2", 0);
    }
}
