package dev.layerwatch.engine.cvss;

import static dev.layerwatch.engine.cvss.CvssMetricParser.base;
import static dev.layerwatch.engine.cvss.CvssMetricParser.optional;

import dev.layerwatch.common.finding.Cvss;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CVSS v4.0 score as FIRST's reference calculator computes it: the vector's macrovector (EQ1–EQ6) gives the
 * score of its highest-severity vector from the specification's table; the score then moves down by the mean,
 * over the EQs that have a lower macrovector, of (available score gap × the vector's severity distance from the
 * macrovector's highest vector ÷ the macrovector's depth).
 *
 * <p>Threat (E), environmental (CR/IR/AR, M*) and supplemental metrics are accepted; as in the reference
 * calculator, absent threat/environmental metrics take their worst case, so a base-only vector yields the
 * CVSS-B score and a vector carrying E or M* metrics yields its CVSS-BT/BE/BTE score. Supplemental metrics never
 * change the score.
 */
public final class Cvss4Calculator {

    private static final String PREFIX = "CVSS:4.0/";
    private static final double STEP = 0.1;

    private static final List<CvssMetricParser.Metric> METRICS = List.of(
            base("AV", "N", "A", "L", "P"),
            base("AC", "L", "H"),
            base("AT", "N", "P"),
            base("PR", "N", "L", "H"),
            base("UI", "N", "P", "A"),
            base("VC", "H", "L", "N"),
            base("VI", "H", "L", "N"),
            base("VA", "H", "L", "N"),
            base("SC", "H", "L", "N"),
            base("SI", "H", "L", "N"),
            base("SA", "H", "L", "N"),
            optional("E", "X", "A", "P", "U"),
            optional("CR", "X", "H", "M", "L"),
            optional("IR", "X", "H", "M", "L"),
            optional("AR", "X", "H", "M", "L"),
            optional("MAV", "X", "N", "A", "L", "P"),
            optional("MAC", "X", "L", "H"),
            optional("MAT", "X", "N", "P"),
            optional("MPR", "X", "N", "L", "H"),
            optional("MUI", "X", "N", "P", "A"),
            optional("MVC", "X", "H", "L", "N"),
            optional("MVI", "X", "H", "L", "N"),
            optional("MVA", "X", "H", "L", "N"),
            optional("MSC", "X", "H", "L", "N"),
            optional("MSI", "X", "S", "H", "L", "N"),
            optional("MSA", "X", "S", "H", "L", "N"),
            optional("S", "X", "N", "P"),
            optional("AU", "X", "N", "Y"),
            optional("R", "X", "A", "U", "I"),
            optional("V", "X", "D", "C"),
            optional("RE", "X", "L", "M", "H"),
            optional("U", "X", "Clear", "Green", "Amber", "Red"));

    /** Severity level of each value within its metric, in steps of 0.1; lower is more severe. */
    private static final Map<String, Map<String, Double>> LEVELS = Map.ofEntries(
            Map.entry("AV", Map.of("N", 0.0, "A", 0.1, "L", 0.2, "P", 0.3)),
            Map.entry("PR", Map.of("N", 0.0, "L", 0.1, "H", 0.2)),
            Map.entry("UI", Map.of("N", 0.0, "P", 0.1, "A", 0.2)),
            Map.entry("AC", Map.of("L", 0.0, "H", 0.1)),
            Map.entry("AT", Map.of("N", 0.0, "P", 0.1)),
            Map.entry("VC", Map.of("H", 0.0, "L", 0.1, "N", 0.2)),
            Map.entry("VI", Map.of("H", 0.0, "L", 0.1, "N", 0.2)),
            Map.entry("VA", Map.of("H", 0.0, "L", 0.1, "N", 0.2)),
            Map.entry("SC", Map.of("H", 0.1, "L", 0.2, "N", 0.3)),
            Map.entry("SI", Map.of("S", 0.0, "H", 0.1, "L", 0.2, "N", 0.3)),
            Map.entry("SA", Map.of("S", 0.0, "H", 0.1, "L", 0.2, "N", 0.3)),
            Map.entry("CR", Map.of("H", 0.0, "M", 0.1, "L", 0.2)),
            Map.entry("IR", Map.of("H", 0.0, "M", 0.1, "L", 0.2)),
            Map.entry("AR", Map.of("H", 0.0, "M", 0.1, "L", 0.2)),
            Map.entry("E", Map.of("U", 0.2, "P", 0.1, "A", 0.0)));

    /** The order in which the reference calculator walks the metrics when comparing with a highest vector. */
    private static final List<String> DISTANCE_METRICS =
            List.of("AV", "PR", "UI", "AC", "AT", "VC", "VI", "VA", "SC", "SI", "SA", "CR", "IR", "AR", "E");

    private Cvss4Calculator() {
    }

    /** Scores a {@code CVSS:4.0/…} vector; throws IllegalArgumentException naming the defect. */
    public static Cvss score(String vector) {
        if (!vector.startsWith(PREFIX)) {
            throw CvssMetricParser.invalid("CVSS v4.0", vector, "expected prefix " + PREFIX);
        }
        Map<String, String> metrics = CvssMetricParser.parse("CVSS v4.0", vector, vector.substring(PREFIX.length()), METRICS, true);
        return new Cvss("4.0", vector, score(new Cvss4Effective(metrics)));
    }

    static double score(Cvss4Effective v) {
        if (List.of("VC", "VI", "VA", "SC", "SI", "SA").stream().allMatch(k -> v.get(k).equals("N"))) {
            return 0.0;
        }
        int[] eq = v.macroVector();
        double value = Cvss4MacroVectors.score(eq);

        double lowerEq1 = Cvss4MacroVectors.score(eq[0] + 1, eq[1], eq[2], eq[3], eq[4], eq[5]);
        double lowerEq2 = Cvss4MacroVectors.score(eq[0], eq[1] + 1, eq[2], eq[3], eq[4], eq[5]);
        double lowerEq3Eq6;
        if (eq[2] == 0 && eq[5] == 0) {
            // two lower neighbours (00 → 01 and 00 → 10): the reference takes the higher one
            lowerEq3Eq6 = Math.max(Cvss4MacroVectors.score(eq[0], eq[1], eq[2], eq[3], eq[4], eq[5] + 1),
                    Cvss4MacroVectors.score(eq[0], eq[1], eq[2] + 1, eq[3], eq[4], eq[5]));
        } else if (eq[2] == 1 && eq[5] == 0) {
            lowerEq3Eq6 = Cvss4MacroVectors.score(eq[0], eq[1], eq[2], eq[3], eq[4], eq[5] + 1);
        } else if (eq[2] == 2) {
            lowerEq3Eq6 = Double.NaN;
        } else {
            lowerEq3Eq6 = Cvss4MacroVectors.score(eq[0], eq[1], eq[2] + 1, eq[3], eq[4], eq[5]);
        }
        double lowerEq4 = Cvss4MacroVectors.score(eq[0], eq[1], eq[2], eq[3] + 1, eq[4], eq[5]);
        double lowerEq5 = Cvss4MacroVectors.score(eq[0], eq[1], eq[2], eq[3], eq[4] + 1, eq[5]);

        Map<String, Double> d = severityDistances(v, eq);
        double distanceEq1 = d.get("AV") + d.get("PR") + d.get("UI");
        double distanceEq2 = d.get("AC") + d.get("AT");
        double distanceEq3Eq6 = d.get("VC") + d.get("VI") + d.get("VA") + d.get("CR") + d.get("IR") + d.get("AR");
        double distanceEq4 = d.get("SC") + d.get("SI") + d.get("SA");

        int existingLower = 0;
        double sum = 0;
        double[] available = {value - lowerEq1, value - lowerEq2, value - lowerEq3Eq6, value - lowerEq4};
        double[] distance = {distanceEq1, distanceEq2, distanceEq3Eq6, distanceEq4};
        double[] depth = {Cvss4MacroVectors.depthEq1(eq[0]) * STEP, Cvss4MacroVectors.depthEq2(eq[1]) * STEP,
                Cvss4MacroVectors.depthEq3Eq6(eq[2], eq[5]) * STEP, Cvss4MacroVectors.depthEq4(eq[3]) * STEP};
        for (int i = 0; i < 4; i++) {
            if (!Double.isNaN(available[i])) {
                existingLower++;
                sum += available[i] * (distance[i] / depth[i]);
            }
        }
        if (!Double.isNaN(value - lowerEq5)) {
            // EQ5 has no depth inside a macrovector: it counts in the mean with a proportion of 0
            existingLower++;
        }
        double mean = existingLower == 0 ? 0 : sum / existingLower;
        double result = Math.max(0, Math.min(10, value - mean));
        return Math.round(result * 10) / 10.0;
    }

    /**
     * Distances from the first highest-severity vector of the macrovector that is at least as severe as the
     * scored vector in every metric (the reference keeps the last candidate's distances when none qualifies).
     */
    private static Map<String, Double> severityDistances(Cvss4Effective v, int[] eq) {
        Map<String, Double> distances = Map.of();
        for (Map<String, String> max : Cvss4MacroVectors.highestVectors(eq)) {
            Map<String, Double> candidate = new HashMap<>();
            boolean allNonNegative = true;
            for (String metric : DISTANCE_METRICS) {
                Map<String, Double> levels = LEVELS.get(metric);
                double delta = levels.get(v.get(metric)) - levels.get(max.get(metric));
                candidate.put(metric, delta);
                allNonNegative &= delta >= 0;
            }
            distances = candidate;
            if (allNonNegative) {
                break;
            }
        }
        return distances;
    }
}
