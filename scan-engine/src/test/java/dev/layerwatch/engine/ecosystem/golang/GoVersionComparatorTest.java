package dev.layerwatch.engine.ecosystem.golang;

import static dev.layerwatch.engine.version.VersionOrder.assertAscending;
import static dev.layerwatch.engine.version.VersionOrder.assertCompares;
import static dev.layerwatch.engine.version.VersionOrder.assertEquivalent;
import static dev.layerwatch.engine.version.VersionOrder.assertIrregular;

import org.junit.jupiter.api.Test;

/** Cases written from the Go modules reference (versions, pseudo-versions, +incompatible) and Go's toolchain version docs. */
class GoVersionComparatorTest {

    private final GoVersionComparator go = new GoVersionComparator();

    @Test
    void moduleVersionsWithPseudoVersions() {
        assertAscending(go,
                "v0.0.0-20191109021931-daa7c04131f5",
                "v0.0.0-20200101000000-aaaaaaaaaaaa",
                "v0.0.0",
                "v0.1.0-rc.1",
                "v0.1.0",
                // vX.Y.(Z+1)-0.timestamp-hash: after the v0.1.0 tag it was derived from, before any v0.1.1 pre-release
                "v0.1.1-0.20220101000000-abcdefabcdef",
                "v0.1.1-pre",
                // vX.Y.Z-pre.0.timestamp-hash: after the pre-release tag it was derived from
                "v0.1.1-pre.0.20220201000000-abcdefabcdef",
                "v0.1.1",
                "v1.0.0",
                "v1.2.3",
                "v2.0.0+incompatible",
                "v2.1.0+incompatible",
                "v10.0.0");
    }

    @Test
    void toolchainVersions() {
        assertAscending(go, "go1", "go1.0.1", "go1.9beta1", "go1.9rc2", "go1.9", "go1.9.1", "go1.10", "go1.20.14",
                // from Go 1.21 on, "go1.21" names the language version, before the first release candidate
                "go1.21", "go1.21rc1", "go1.21rc2", "go1.21.0", "go1.21.3", "go1.22.0");
    }

    @Test
    void osvSemverRangesForTheStdlib() {
        // OSV writes Go versions without the "v"; "1.19.0-0" opens the 1.19 line before its first pre-release
        assertAscending(go, "1.18.5", "go1.18.6", "1.19.0-0", "go1.19beta1", "go1.19rc1", "1.19.0", "go1.19.1");
    }

    @Test
    void equalSpellingsAcrossForms() {
        assertEquivalent(go, "v1.21.3", "go1.21.3", "1.21.3");
        assertEquivalent(go, "go1.9", "1.9", "1.9.0", "v1.9.0", "v1.9");
        assertEquivalent(go, "v1", "v1.0", "v1.0.0", "go1");
        assertEquivalent(go, "v2.0.0+incompatible", "v2.0.0", "v2.0.0+meta");
        assertEquivalent(go, "go1.21rc2", "1.21rc2", "v1.21.0-rc.2");
    }

    @Test
    void invalidVersionsSortFirstAndEqualAsInXModSemver() {
        assertIrregular(go, "", "empty");
        assertIrregular(go, "v1.2.3.4", "found 4");
        assertIrregular(go, "v01.2.3", "leading zero");
        assertIrregular(go, "v1.2-pre", "expected MAJOR.MINOR.PATCH");
        assertIrregular(go, "v1.2.3-", "empty identifier");
        assertIrregular(go, "go1.21.3rc1", "not a Go toolchain version");
        assertIrregular(go, "gox", "not a Go toolchain version");
        assertIrregular(go, "latest", "expected a module version (vX.Y.Z) or a toolchain version");
        assertIrregular(go, "1.2.3.4", "found 4");
        assertCompares(go, "latest", "v0.0.0", -1);
        assertCompares(go, "v9.9.9.9", "v0.0.0-20191109021931-daa7c04131f5", -1);
        assertCompares(go, "latest", "v1.2.3.4", 0);
    }
}
