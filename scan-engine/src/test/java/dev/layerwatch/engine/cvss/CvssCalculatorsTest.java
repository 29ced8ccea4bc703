package dev.layerwatch.engine.cvss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerwatch.common.finding.Cvss;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CvssCalculatorsTest {

    static Stream<Arguments> publishedScores() throws IOException {
        return rows("/cvss/published/scores.psv").stream()
                .map(r -> Arguments.of(r.get(0), Double.parseDouble(r.get(1)), r.get(2)));
    }

    static Stream<Arguments> invalidVectors() throws IOException {
        return rows("/cvss/invalid/vectors.psv").stream().map(r -> Arguments.of(r.get(0), r.get(1)));
    }

    @ParameterizedTest(name = "{0} = {1} ({2})")
    @MethodSource("publishedScores")
    void computesThePublishedScore(String vector, double expected, String source) {
        Cvss cvss = CvssCalculators.score(vector).orElseThrow();
        assertThat(cvss.score()).as(source).isEqualTo(expected);
        assertThat(cvss.vector()).isEqualTo(vector);
    }

    @ParameterizedTest(name = "{0} rejected: {1}")
    @MethodSource("invalidVectors")
    void rejectsInvalidVectorsWithTheReason(String vector, String reason) {
        assertThat(CvssCalculators.score(vector)).isEmpty();
        assertThatThrownBy(() -> CvssCalculators.validate(vector))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void reportsTheVersionOfEachFamily() {
        assertThat(CvssCalculators.score("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H").orElseThrow().version()).isEqualTo("3.1");
        assertThat(CvssCalculators.score("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H").orElseThrow().version()).isEqualTo("3.0");
        assertThat(CvssCalculators.score("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N").orElseThrow().version()).isEqualTo("4.0");
        assertThat(CvssCalculators.score("AV:N/AC:L/Au:N/C:P/I:P/A:P").orElseThrow().version()).isEqualTo("2.0");
    }

    @Test
    void emptyAndNullVectorsAreRejected() {
        assertThat(CvssCalculators.score(null)).isEmpty();
        assertThat(CvssCalculators.score("  ")).isEmpty();
    }

    @Test
    void v31RoundupAvoidsTheFloatingPointStepThatV30Takes() {
        // The v3.1 specification's own motivating example: 4.000000000000001 rounds to 4.0, not 4.1.
        assertThat(Cvss3Calculator.roundUp31(4.000000000000001)).isEqualTo(4.0);
        assertThat(Cvss3Calculator.roundUp30(4.000000000000001)).isEqualTo(4.1);
        assertThat(Cvss3Calculator.roundUp31(4.02)).isEqualTo(4.1);
    }

    @Test
    void v4SupplementalMetricsDoNotChangeTheScore() {
        String base = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N";
        double plain = CvssCalculators.score(base).orElseThrow().score();
        double supplemented = CvssCalculators.score(base + "/S:P/AU:Y/R:A/V:C/RE:H/U:Red").orElseThrow().score();
        assertThat(plain).isEqualTo(9.3);
        assertThat(supplemented).isEqualTo(plain);
    }

    @Test
    void v4EveryMacroVectorHighestVectorScoresItsTableValue() {
        // AV:N/PR:N/UI:N, AC:L/AT:N, VC/VI/VA:H with default CR/IR/AR:H, SC:H with MSI:S, E:A is macrovector 000000.
        String highest = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/MSI:S/MSA:S";
        assertThat(CvssCalculators.score(highest).orElseThrow().score()).isEqualTo(10.0);
        assertThat(Cvss4MacroVectors.score(2, 1, 2, 2, 2, 1)).isEqualTo(0.1);
        assertThat(Cvss4MacroVectors.score(3, 0, 0, 0, 0, 0)).isNaN();
    }

    private static List<List<String>> rows(String resource) throws IOException {
        try (InputStream in = CvssCalculatorsTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> Stream.of(l.split("\\|")).map(String::strip).toList())
                    .toList();
        }
    }
}
