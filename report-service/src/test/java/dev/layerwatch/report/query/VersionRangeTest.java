package dev.layerwatch.report.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerwatch.engine.standard.VersionComparators;
import org.junit.jupiter.api.Test;

class VersionRangeTest {

    @Test
    void mavenBoundsUseMavenOrder() {
        VersionRange range = VersionRange.parse("<2.17.1", VersionComparators.byScheme("maven"));
        assertThat(range.test("2.14.1")).isTrue();
        assertThat(range.test("2.9.1")).isTrue();
        assertThat(range.test("2.17.1")).isFalse();
        assertThat(range.test("2.17.1-rc1")).isTrue();
        assertThat(VersionRange.parse(">=2.0, <2.15.0", VersionComparators.byScheme("maven")).test("2.15.0")).isFalse();
        assertThat(VersionRange.parse(">=2.0 <2.15.0", VersionComparators.byScheme("maven")).test("2.14.1")).isTrue();
    }

    @Test
    void dpkgWildcardAndEpochs() {
        VersionRange openssl30 = VersionRange.parse("3.0.x", VersionComparators.byScheme("dpkg"));
        assertThat(openssl30.test("3.0.11-1~deb12u2")).isTrue();
        assertThat(openssl30.test("3.1.4-2")).isFalse();
        assertThat(VersionRange.parse("<1:1.0", VersionComparators.byScheme("dpkg")).test("2.0")).isTrue();
    }

    @Test
    void malformedRangesNameTheirPart() {
        assertThatThrownBy(() -> VersionRange.parse("<", VersionComparators.byScheme("maven")))
                .isInstanceOf(BadQueryException.class).hasMessageContaining("names no version");
        assertThatThrownBy(() -> VersionRange.parse("<not a version!", VersionComparators.byScheme("semver")))
                .isInstanceOf(BadQueryException.class).extracting(e -> ((BadQueryException) e).parameter()).isEqualTo("range");
        assertThat(VersionRange.parse("<2.0.0", VersionComparators.byScheme("semver")).test("garbage")).isFalse();
    }
}
