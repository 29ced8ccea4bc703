package dev.layerwatch.engine.ecosystem.alpine;

import static dev.layerwatch.engine.version.VersionOrder.assertAscending;
import static dev.layerwatch.engine.version.VersionOrder.assertCompares;
import static dev.layerwatch.engine.version.VersionOrder.assertEquivalent;
import static dev.layerwatch.engine.version.VersionOrder.assertIrregular;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cases written from apk-tools' version grammar and rules (src/version.c, test/version.data). */
class ApkVersionComparatorTest {

    private final ApkVersionComparator apk = new ApkVersionComparator();

    /** Pairs of the shapes apk-tools' own test data (test/version.data) checks: odd real-world Gentoo-style versions. */
    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = ' ', value = {
        "2.34 > 0.1.0_alpha", "1.1 > 1.1_alpha1", "1.3_alpha8 > 0.6.0", "2.3.0b-r1 < 2.3.0b-r2", "0.12.3 > 0.12",
        "1.2.11 < 1.2.12.1", "3.1_p16 < 3.1_p17", "1.06-r6 < 006", "006 > 1.0.0", "9.3.4-r2 > 9.3.4",
        "3.9.8-r5 > 2.01.01_alpha10", "1.0 > 0.99.3.20040818", "1.39 > 1.00_beta2", "1.02.07 < 1.02.10-r1",
        "3.0.20060720 < 20060720", "2.5.1-r8 < 2.5.1a-r1", "3.0.0-r2 < 021109-r3", "0.10.0 < 0.10.1_rc1",
        "2.10.1 > 02.08.01b", "1.6d > 1.2.07.8", "1.2.07.8 < 1.2.12.04", "1.07-r1 < 1.07.5", "1.07.5 > 1.07",
        "0.20070118 < 0.20070207_rc1", "4.5_p1-r1 > 4.5_p1", "1.8.5 < 1.8.5_p2", "0.9.28.1 < 087-r1",
        "2.12r-r4 < 2.12r-r5", "7.0.17 < 7.0.174", "1.3_pre1-r1 < 1.3.2", "1.0_p10-r0 > 1.0_p9-r0",
        "1.0.0_pre20191002222144-r0 < 1.0.0_pre20210530193627-r0", "0.2.0-r1 = 0.2.0-r1"
    })
    void upstreamDataPairs(String a, String op, String b) {
        assertCompares(apk, a, b, switch (op) {
            case "<" -> -1;
            case ">" -> 1;
            default -> 0;
        });
    }

    @Test
    void suffixesRankAroundTheRelease() {
        assertAscending(apk,
                "0.1.0_alpha_pre2", "0.1.0_alpha", "0.1.0_alpha1", "0.1.0_alpha2", "0.1.0_beta", "0.1.0_pre1",
                "0.1.0_rc1", "0.1.0_rc10",
                "0.1.0", "0.1.0-r1",
                "0.1.0_cvs20010101", "0.1.0_svn", "0.1.0_git20230101", "0.1.0_hg", "0.1.0_p1", "0.1.0_p1-r1",
                "0.1.0_p2");
    }

    @Test
    void lettersAndMoreNumbersComeAfterSuffixes() {
        // a letter beats any suffix, another dotted number beats a letter
        assertAscending(apk, "1.2", "1.2-r1", "1.2_p1", "1.2a", "1.2b", "1.2.0", "1.2.1_rc1", "1.2.1", "1.3");
    }

    @Test
    void numbersCompareNumericallyUnlessALeadingZeroMakesThemStrings() {
        assertAscending(apk, "0.2", "0.10", "1.0", "2.34", "10");
        // ".01" and ".001" compare as strings: after ".0" and ".0.1", before ".1"
        assertAscending(apk, "1.0", "1.0.1", "1.001.0", "1.01", "1.1");
        assertCompares(apk, "1.001", "1.01", -1);
    }

    @Test
    void commitHashSitsBetweenRevisionAndLaterSuffixes() {
        assertAscending(apk, "1.2.3", "1.2.3-r1", "1.2.3~abc123", "1.2.3~abc123-r1", "1.2.3~abd", "1.2.3_p1");
    }

    @Test
    void realSecdbVersions() {
        // secdb keys are not in version order: r17 must come after r7
        assertAscending(apk, "1.35.0-r7", "1.35.0-r17", "1.36.1-r0");
        assertAscending(apk, "1.2.2_pre2-r0", "1.2.2-r0", "1.2.2-r7", "1.2.3-r0");
        assertAscending(apk, "3.1.0-r4", "3.1.1-r0", "3.1.1-r1", "3.1.4-r0");
    }

    @Test
    void equalSpellings() {
        assertEquivalent(apk, "1.2", "01.2");
        assertEquivalent(apk, "1.0_alpha1", "1.0_alpha01");
        assertEquivalent(apk, "1.0-r1", "1.0-r01");
    }

    @Test
    void brokenVersionsAreComparedAsApkToolsDoes() {
        assertIrregular(apk, "", "position 0");
        assertIrregular(apk, "a1", "position 0");
        assertIrregular(apk, "1.0-1", "position 3");
        assertIrregular(apk, "1.0-r", "position 3");
        assertIrregular(apk, "1.0_foo", "position 3");
        assertIrregular(apk, "1.0.", "position 3");
        assertIrregular(apk, "1..0", "position 1");
        assertIrregular(apk, "1.0ab", "position 4");
        assertIrregular(apk, "1.0a.1", "position 4");
        assertIrregular(apk, "1.0-r1-r2", "position 6");
        assertIrregular(apk, "1.0~", "position 3");
        assertIrregular(apk, "1.0A", "position 3");
        assertIrregular(apk, "1.0 ", "position 3");
        // the invalid rest ranks below every token, the end included
        assertCompares(apk, "1.0_foo", "1.0", -1);
        assertCompares(apk, "1.0-1", "1.0-r0", -1);
        assertCompares(apk, "1.0ab", "1.0a", -1);
        assertCompares(apk, "1.0ab", "1.0b", -1);
        assertCompares(apk, "1.0ab", "0.9", 1);
        assertCompares(apk, "a1", "0", -1);
        // breaking at the same place after equal tokens is equal, whatever follows
        assertCompares(apk, "1.0_foo", "1.0_bar", 0);
        assertCompares(apk, "", "a1", 0);
    }

    @Test
    void anEmptySuffixIsTheReleaseSuffix() {
        // suffix_value("") is SUFFIX_NONE: valid, and newer than the bare version like any non-pre-release suffix
        assertCompares(apk, "1.0_", "1.0", 1);
        assertCompares(apk, "1.0_", "1.0_p1", -1);
    }
}
