package dev.layerwatch.engine.cvss;

import static dev.layerwatch.engine.cvss.CvssMetricParser.base;
import static dev.layerwatch.engine.cvss.CvssMetricParser.optional;

import dev.layerwatch.common.finding.Cvss;
import java.util.List;
import java.util.Map;

/**
 * CVSS v3.0 and v3.1 base score (specification section 7.1). Temporal and environmental metrics are checked
 * for validity but do not enter the score: the base score is what advisories publish and what severity uses.
 * The two versions differ only in Roundup: v3.1 rounds on an integer so that 4.0000001 does not become 4.1.
 */
public final class Cvss3Calculator {

    private static final List<CvssMetricParser.Metric> METRICS = List.of(
            base("AV", "N", "A", "L", "P"),
            base("AC", "L", "H"),
            base("PR", "N", "L", "H"),
            base("UI", "N", "R"),
            base("S", "U", "C"),
            base("C", "H", "L", "N"),
            base("I", "H", "L", "N"),
            base("A", "H", "L", "N"),
            optional("E", "X", "U", "P", "F", "H"),
            optional("RL", "X", "O", "T", "W", "U"),
            optional("RC", "X", "U", "R", "C"),
            optional("CR", "X", "L", "M", "H"),
            optional("IR", "X", "L", "M", "H"),
            optional("AR", "X", "L", "M", "H"),
            optional("MAV", "X", "N", "A", "L", "P"),
            optional("MAC", "X", "L", "H"),
            optional("MPR", "X", "N", "L", "H"),
            optional("MUI", "X", "N", "R"),
            optional("MS", "X", "U", "C"),
            optional("MC", "X", "N", "L", "H"),
            optional("MI", "X", "N", "L", "H"),
            optional("MA", "X", "N", "L", "H"));

    private Cvss3Calculator() {
    }

    /** Scores a {@code CVSS:3.0/…} or {@code CVSS:3.1/…} vector; throws IllegalArgumentException naming the defect. */
    public static Cvss score(String vector) {
        String version;
        if (vector.startsWith("CVSS:3.1/")) {
            version = "3.1";
        } else if (vector.startsWith("CVSS:3.0/")) {
            version = "3.0";
        } else {
            throw CvssMetricParser.invalid("CVSS v3", vector, "expected prefix CVSS:3.0/ or CVSS:3.1/");
        }
        Map<String, String> m = CvssMetricParser.parse("CVSS v" + version, vector,
                vector.substring("CVSS:3.x/".length()), METRICS, false);
        return new Cvss(version, vector, baseScore(m, version.equals("3.1")));
    }

    private static double baseScore(Map<String, String> m, boolean v31) {
        boolean changed = m.get("S").equals("C");
        double iss = 1 - (1 - cia(m.get("C"))) * (1 - cia(m.get("I"))) * (1 - cia(m.get("A")));
        double impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
        double exploitability = 8.22 * attackVector(m.get("AV")) * (m.get("AC").equals("L") ? 0.77 : 0.44)
                * privileges(m.get("PR"), changed) * (m.get("UI").equals("N") ? 0.85 : 0.62);
        if (impact <= 0) {
            return 0.0;
        }
        double raw = changed ? Math.min(1.08 * (impact + exploitability), 10) : Math.min(impact + exploitability, 10);
        return v31 ? roundUp31(raw) : roundUp30(raw);
    }

    /** Roundup as defined in CVSS v3.1 Appendix A: exact on an integer representation. */
    static double roundUp31(double input) {
        long intInput = Math.round(input * 100_000);
        if (intInput % 10_000 == 0) {
            return intInput / 100_000.0;
        }
        return (Math.floorDiv(intInput, 10_000) + 1) / 10.0;
    }

    /** Roundup as CVSS v3.0 defines it: the smallest one-decimal number not below the input. */
    static double roundUp30(double input) {
        return Math.ceil(input * 10) / 10;
    }

    private static double attackVector(String v) {
        return switch (v) {
            case "N" -> 0.85;
            case "A" -> 0.62;
            case "L" -> 0.55;
            default -> 0.2;
        };
    }

    private static double privileges(String v, boolean scopeChanged) {
        return switch (v) {
            case "N" -> 0.85;
            case "L" -> scopeChanged ? 0.68 : 0.62;
            default -> scopeChanged ? 0.5 : 0.27;
        };
    }

    private static double cia(String v) {
        return switch (v) {
            case "H" -> 0.56;
            case "L" -> 0.22;
            default -> 0.0;
        };
    }
}
