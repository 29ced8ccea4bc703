package dev.layerwatch.engine.ecosystem.npm;

import static dev.layerwatch.engine.version.VersionOrder.assertAscending;
import static dev.layerwatch.engine.version.VersionOrder.assertEquivalent;
import static dev.layerwatch.engine.version.VersionOrder.assertInvalid;

import org.junit.jupiter.api.Test;

/** Cases written from the SemVer 2.0.0 specification (§2, §9–§11) and npm's lenient prefix handling. */
class SemverVersionComparatorTest {

    private final SemverVersionComparator semver = new SemverVersionComparator();

    @Test
    void specPrecedenceExample() {
        assertAscending(semver, "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
                "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "2.0.0", "2.1.0", "2.1.1");
    }

    @Test
    void numericIdentifiersSortNumericallyAndBeforeAlphanumericOnes() {
        assertAscending(semver, "1.0.0-0", "1.0.0-1", "1.0.0-2", "1.0.0-10", "1.0.0-1a", "1.0.0-a", "1.0.0-a.0",
                "1.0.0-a.b", "1.0.0-x-y-z.--", "1.0.0");
        assertAscending(semver, "1.9.0", "1.10.0", "1.11.0", "9.0.0", "10.0.0", "9007199254740991.0.0");
    }

    @Test
    void buildMetadataIsIgnored() {
        assertEquivalent(semver, "1.0.0", "1.0.0+20130313144700", "1.0.0+exp.sha.5114f85", "1.0.0+21AF26D3----117B344092BD");
        assertEquivalent(semver, "1.0.0-alpha", "1.0.0-alpha+001");
    }

    @Test
    void npmPrefixesAndWhitespace() {
        assertEquivalent(semver, "1.2.3", "v1.2.3", "=1.2.3", "=v1.2.3", " 1.2.3 ");
    }

    @Test
    void realPackageVersions() {
        assertAscending(semver, "4.17.19", "4.17.20", "4.17.21");
        assertAscending(semver, "4.21.2", "5.0.0-alpha.1", "5.0.0-alpha.8", "5.0.0-beta.1", "5.0.0-beta.3", "5.0.0");
    }

    @Test
    void invalidVersions() {
        assertInvalid(semver, "", "empty");
        assertInvalid(semver, "1", "expected MAJOR.MINOR.PATCH but found 1");
        assertInvalid(semver, "1.2", "expected MAJOR.MINOR.PATCH but found 2");
        assertInvalid(semver, "1.2.3.4", "found 4");
        assertInvalid(semver, "01.2.3", "major '01' has a leading zero");
        assertInvalid(semver, "1.02.3", "minor '02' has a leading zero");
        assertInvalid(semver, "1.2.3-01", "pre-release identifier '01' has a leading zero");
        assertInvalid(semver, "1.2.3-", "pre-release has an empty identifier");
        assertInvalid(semver, "1.2.3-alpha..1", "pre-release has an empty identifier");
        assertInvalid(semver, "1.2.3+", "build metadata has an empty identifier");
        assertInvalid(semver, "1.2.3-al_pha", "outside [0-9A-Za-z-]");
        assertInvalid(semver, "a.b.c", "major 'a' is not a number");
        assertInvalid(semver, "1.2.3 beta", "patch '3 beta' is not a number");
        assertInvalid(semver, "9007199254740992.0.0", "larger than npm's limit 9007199254740991");
    }
}
