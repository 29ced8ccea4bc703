package dev.layerwatch.common.finding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeverityTest {

    @ParameterizedTest
    @CsvSource({"CRITICAL, CRITICAL", "Important, HIGH", "moderate, MEDIUM", "low**, LOW", "unimportant, NEGLIGIBLE",
        "not yet assigned, UNKNOWN", "'', UNKNOWN", "' High ', HIGH", "info, NEGLIGIBLE"})
    void readsTheWordsFeedsUseAndNeverThrows(String text, Severity expected) {
        assertThat(Severity.parseLenient(text)).isEqualTo(expected);
        assertThat(Severity.parseLenient(null)).isEqualTo(Severity.UNKNOWN);
    }

    @Test
    void strictParsingNamesTheAcceptedWords() {
        assertThat(Severity.parse(" high ")).isEqualTo(Severity.HIGH);
        assertThatThrownBy(() -> Severity.parse("moderate")).hasMessageContaining("expected one of UNKNOWN");
        assertThatThrownBy(() -> Severity.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"10.0, CRITICAL", "9.0, CRITICAL", "8.9, HIGH", "7.0, HIGH", "6.9, MEDIUM", "4.0, MEDIUM", "3.9, LOW", "0.1, LOW",
        "0.0, NEGLIGIBLE"})
    void cvssScoresMapToTheirQualitativeRating(double score, Severity expected) {
        assertThat(Severity.ofCvssScore(score)).isEqualTo(expected);
    }

    @Test
    void orderAndCounts() {
        assertThat(Severity.HIGH.atLeast(Severity.MEDIUM)).isTrue();
        assertThat(Severity.HIGH.atLeast(Severity.HIGH)).isTrue();
        assertThat(Severity.LOW.atLeast(Severity.MEDIUM)).isFalse();
        SeverityCounts counts = SeverityCounts.of(List.of(Severity.CRITICAL, Severity.HIGH, Severity.HIGH, Severity.UNKNOWN));
        assertThat(counts).isEqualTo(new SeverityCounts(1, 2, 0, 0, 0, 1));
        assertThat(counts.total()).isEqualTo(4);
        assertThat(counts.get(Severity.HIGH)).isEqualTo(2);
        assertThat(SeverityCounts.of(List.of())).isEqualTo(SeverityCounts.NONE);
    }

    @Test
    void findingsValidateOnConstruction() {
        PackageRef pkg = new PackageRef("libc6", "2.36", "deb", null);
        assertThatThrownBy(() -> new VulnerabilityFinding(" ", null, pkg, null, null, null, null, null, null, null))
                .hasMessageContaining("id is required");
        assertThatThrownBy(() -> new VulnerabilityFinding("CVE-1", null, null, null, null, null, null, null, null, null))
                .hasMessageContaining("no package");
        assertThatThrownBy(() -> new PackageRef("", "1", "deb", null)).hasMessageContaining("name is required");
        VulnerabilityFinding f = new VulnerabilityFinding("CVE-1", null, pkg, null, null, null, null, null, null, null);
        assertThat(f.severity()).isEqualTo(Severity.UNKNOWN);
        assertThat(f.aliases()).isEmpty();
        assertThat(f.fixable()).isFalse();
    }
}
