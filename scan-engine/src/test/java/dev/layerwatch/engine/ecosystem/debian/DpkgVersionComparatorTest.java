package dev.layerwatch.engine.ecosystem.debian;

import static dev.layerwatch.engine.version.VersionOrder.assertAscending;
import static dev.layerwatch.engine.version.VersionOrder.assertCompares;
import static dev.layerwatch.engine.version.VersionOrder.assertEquivalent;
import static dev.layerwatch.engine.version.VersionOrder.assertInvalid;
import static dev.layerwatch.engine.version.VersionOrder.assertIrregular;

import org.junit.jupiter.api.Test;

/** Cases written from Debian Policy §5.6.12 and dpkg's verrevcmp rules (lib/dpkg/version.c, t-version.c). */
class DpkgVersionComparatorTest {

    private final DpkgVersionComparator dpkg = new DpkgVersionComparator();

    @Test
    void tildeSortsBeforeEverythingEvenTheEndAndLettersBeforeOtherCharacters() {
        // Policy's own example: ~~ < ~~a < ~ < (end) < a, then non-letters after letters
        assertAscending(dpkg, "1.0~~", "1.0~~a", "1.0~", "1.0~rc1", "1.0", "1.0a", "1.0+dfsg", "1.0.1");
    }

    @Test
    void upstreamThenRevisionInOrder() {
        assertAscending(dpkg,
                "0", "0.1", "0.9~beta1-1",
                "1.0~rc1", "1.0~rc1-1", "1.0",
                "1.0-0.1", "1.0-1~bpo1", "1.0-1", "1.0-1+deb12u1", "1.0-1.1", "1.0-2", "1.0-10",
                "1.0a", "1.0.1", "1.1", "1.2", "1.10", "1.10-1", "2.0");
    }

    @Test
    void epochOutranksEverythingElse() {
        assertAscending(dpkg, "9.9-9", "1:0.1", "1:9.2p1-2", "1:9.3p1-1", "2:0");
        assertCompares(dpkg, "1:9.2p1-2", "9.3p1-1", 1);
    }

    @Test
    void equalSpellings() {
        // missing epoch is 0, missing revision compares like an empty one, leading zeros vanish in numbers
        assertEquivalent(dpkg, "1.0", "0:1.0", "1.0-0", "0:1.0-0", "00:1.0", "1.00", " 1.0 ");
        assertEquivalent(dpkg, "1.0-1", "1.0-01", "1.000-1");
    }

    @Test
    void realDistroVersions() {
        // backports and security updates: "~deb12u2" is before the plain revision, "+deb12u1" after
        assertAscending(dpkg, "3.0.11-1~deb12u1", "3.0.11-1~deb12u2", "3.0.11-1", "3.0.11-1+deb12u1", "3.0.13-1");
        assertAscending(dpkg, "1.0.1f-1ubuntu2.27", "1.0.1f-1ubuntu2.27+esm9", "1.0.1f-1ubuntu2.28");
        assertAscending(dpkg, "2.36-9+deb12u3", "2.36-9+deb12u4", "2.36-9+deb12u10");
    }

    @Test
    void revisionStartsAfterTheLastHyphen() {
        // "1.2-3-4" is upstream 1.2-3, revision 4: newer than upstream 1.2 with revision 3
        assertAscending(dpkg, "1.2-3", "1.2-3-4", "1.2-4-1");
    }

    @Test
    void invalidVersionsAreRejectedWithDpkgsReasons() {
        // dpkg's hard errors: dpkg --compare-versions refuses these too
        assertInvalid(dpkg, "", "version string is empty");
        assertInvalid(dpkg, "   ", "version string is empty");
        assertInvalid(dpkg, "1.0 beta", "embedded spaces");
        assertInvalid(dpkg, ":1.0", "epoch in version is empty");
        assertInvalid(dpkg, "a:1.0", "epoch in version is not number");
        assertInvalid(dpkg, "-1:1.0", "epoch in version is negative");
        assertInvalid(dpkg, "99999999999:1.0", "epoch in version is too big");
        assertInvalid(dpkg, "1:", "nothing after colon");
        assertInvalid(dpkg, "1.0-", "revision number is empty");
        assertInvalid(dpkg, "-1", "version number is empty");
    }

    @Test
    void whatDpkgOnlyWarnsAboutIsComparedAsDpkgDoes() {
        assertIrregular(dpkg, "1.0_1", "invalid character '_' in version number");
        assertIrregular(dpkg, "1:1.0-1:2", "invalid character ':' in revision number");
        assertIrregular(dpkg, "abc1.0", "version number does not start with digit");
        // verrevcmp weighs a non-letter by its code + 256: '_' (95) after '.' (46), both after letters
        assertCompares(dpkg, "1.0_1", "1.0.1", 1);
        assertCompares(dpkg, "1.0_1", "1.0a1", 1);
        assertCompares(dpkg, "1.0_1", "1.0~1", 1);
        // a leading letter run is compared like any other non-digit run: letters before the end... of nothing
        assertCompares(dpkg, "abc1.0", "1.0", 1);
        assertCompares(dpkg, "1:1.0-1:2", "1:1.0-1", 1);
    }
}
