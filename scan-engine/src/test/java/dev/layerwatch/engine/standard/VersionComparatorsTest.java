package dev.layerwatch.engine.standard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerwatch.engine.inventory.Ecosystem;
import dev.layerwatch.engine.version.VersionComparator;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VersionComparatorsTest {

    @Test
    void listsEverySchemeOnce() {
        assertThat(VersionComparators.all()).extracting(VersionComparator::scheme)
                .containsExactly("dpkg", "apk", "rpm", "maven", "semver", "pep440", "go");
    }

    @Test
    void looksUpByScheme() {
        for (VersionComparator comparator : VersionComparators.all()) {
            assertThat(VersionComparators.byScheme(comparator.scheme())).isSameAs(comparator);
        }
    }

    @Test
    void unknownSchemeListsTheValidOnes() {
        assertThatThrownBy(() -> VersionComparators.byScheme("nuget"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown version scheme 'nuget'; valid schemes: dpkg, apk, rpm, maven, semver, pep440, go");
    }

    @Test
    void mapsEveryEcosystem() {
        Map<Ecosystem, String> expected = Map.of(Ecosystem.APK, "apk", Ecosystem.DEB, "dpkg", Ecosystem.RPM, "rpm",
                Ecosystem.MAVEN, "maven", Ecosystem.NPM, "semver", Ecosystem.PYPI, "pep440", Ecosystem.GOLANG, "go");
        assertThat(expected).hasSize(Ecosystem.values().length);
        for (Ecosystem ecosystem : Ecosystem.values()) {
            assertThat(VersionComparators.forEcosystem(ecosystem).scheme()).as("%s", ecosystem)
                    .isEqualTo(expected.get(ecosystem));
        }
    }

    @Test
    void theSameStringsOrderDifferentlyPerScheme() {
        // why one comparator per ecosystem: a tilde pre-release is older in dpkg, but not a version in SemVer
        assertThat(VersionComparators.byScheme("dpkg").compare("1.0~rc1", "1.0")).isEqualTo(-1);
        assertThat(VersionComparators.byScheme("semver").isValid("1.0~rc1")).isFalse();
        // "1.0.0-1": a post-release in PEP 440, a pre-release in SemVer
        assertThat(VersionComparators.byScheme("pep440").compare("1.0.0-1", "1.0.0")).isEqualTo(1);
        assertThat(VersionComparators.byScheme("semver").compare("1.0.0-1", "1.0.0")).isEqualTo(-1);
    }
}
