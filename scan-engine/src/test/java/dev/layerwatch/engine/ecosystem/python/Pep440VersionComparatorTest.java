package dev.layerwatch.engine.ecosystem.python;

import static dev.layerwatch.engine.version.VersionOrder.assertAscending;
import static dev.layerwatch.engine.version.VersionOrder.assertEquivalent;
import static dev.layerwatch.engine.version.VersionOrder.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerwatch.engine.version.InvalidVersionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Cases written from PEP 440 (its ordering example, normalisation rules and local version rules). */
class Pep440VersionComparatorTest {

    private final Pep440VersionComparator pep440 = new Pep440VersionComparator();

    @Test
    void specOrderingExample() {
        assertAscending(pep440,
                "1.dev0", "1.0.dev456", "1.0a1", "1.0a2.dev456", "1.0a12.dev456", "1.0a12", "1.0b1.dev456",
                "1.0b2", "1.0b2.post345.dev456", "1.0b2.post345", "1.0rc1.dev456", "1.0rc1", "1.0",
                "1.0+abc.5", "1.0+abc.7", "1.0+5", "1.0.post456.dev34", "1.0.post456", "1.0.15", "1.1.dev1");
    }

    @Test
    void epochsReleasesAndLocalSegments() {
        assertAscending(pep440, "0.9", "1.0", "1.0.1", "1.1", "1.10", "2.0", "2013.10", "1!0.1", "1!1.0", "2!0.0.1");
        // local versions: no label < alphanumeric segment < numeric segment; more segments win
        assertAscending(pep440, "1.0", "1.0+a", "1.0+abc", "1.0+abc.1", "1.0+abc.1.a", "1.0+abc.2",
                "1.0+ubuntu1", "1.0+0", "1.0+1", "1.0.post1");
    }

    @Test
    void normalisedSpellingsAreEqual() {
        assertEquivalent(pep440, "1.0", "1.0.0", "1.0.0.0", "v1.0", "V1.0", "0!1.0", " 1.0 ", "01.00");
        assertEquivalent(pep440, "1.0a1", "1.0-alpha1", "1.0.alpha.1", "1.0ALPHA1", "1.0a.1", "1.0_a_1");
        assertEquivalent(pep440, "1.0rc1", "1.0c1", "1.0pre1", "1.0preview1", "1.0-RC-1");
        assertEquivalent(pep440, "1.0b0", "1.0b", "1.0beta", "1.0-beta.0");
        assertEquivalent(pep440, "1.0.post1", "1.0post1", "1.0-1", "1.0-post1", "1.0.rev1", "1.0r1", "1.0_post_1");
        assertEquivalent(pep440, "1.0.post0", "1.0.post", "1.0-r");
        assertEquivalent(pep440, "1.0.dev0", "1.0.dev", "1.0-dev", "1.0dev0");
        assertEquivalent(pep440, "1.0+ubuntu.1", "1.0+ubuntu-1", "1.0+ubuntu_1", "1.0+UBUNTU.1", "1.0+ubuntu.01");
    }

    @Test
    void realPackageVersions() {
        assertAscending(pep440, "5.3.1", "5.4b1", "5.4b2", "5.4", "5.4.1", "6.0b1", "6.0");
        assertAscending(pep440, "2.25.1", "2.26.0", "2.31.0", "3.0.0.dev0", "3.0.0a1");
    }

    @ParameterizedTest(name = "normalize({0}) = {1}")
    @CsvSource(delimiter = '|', value = {
        "V1.0-RC.1+Ubuntu-1|1.0rc1+ubuntu.1",
        "1.0.0|1.0.0",
        "0!1.0|1.0",
        "2!1.0|2!1.0",
        "1.0-1|1.0.post1",
        "1.0.dev|1.0.dev0",
        "01.02|1.2",
        "1.0-ALPHA_2.POST_3-DEV4|1.0a2.post3.dev4",
        "1.0c1|1.0rc1",
        "1.0+abc.007|1.0+abc.7"
    })
    void normalize(String version, String expected) {
        assertThat(Pep440VersionComparator.normalize(version)).isEqualTo(expected);
    }

    @Test
    void normalizeRejectsInvalidVersions() {
        assertThatThrownBy(() -> Pep440VersionComparator.normalize("french toast"))
                .isInstanceOf(InvalidVersionException.class)
                .hasMessageContaining("invalid pep440 version 'french toast'");
    }

    @Test
    void invalidVersions() {
        String reason = "does not match PEP 440";
        assertInvalid(pep440, "", "empty");
        for (String bad : new String[] {"french toast", "1.0-foo", "1.0+", "1.0+ubuntu..1", "1.0a1b2",
                "1.0.post1.post2", "1!2!3.0", "1.0+abc+def", "1.0.", ".1.0", "1.0 beta"}) {
            assertInvalid(pep440, bad, reason);
        }
    }
}
