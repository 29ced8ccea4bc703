package dev.layerwatch.engine.cvss;

import static dev.layerwatch.engine.cvss.CvssMetricParser.base;
import static dev.layerwatch.engine.cvss.CvssMetricParser.optional;

import dev.layerwatch.common.finding.Cvss;
import java.util.List;
import java.util.Map;

/**
 * CVSS v2.0 base score (the v2 guide, section 3.2.1). Old NVD and PYSEC records still carry only v2 vectors,
 * written bare ({@code AV:N/AC:L/Au:N/C:P/I:P/A:P}) or in parentheses. Temporal and environmental metrics are
 * validated and ignored.
 */
public final class Cvss2Calculator {

    private static final List<CvssMetricParser.Metric> METRICS = List.of(
            base("AV", "L", "A", "N"),
            base("AC", "H", "M", "L"),
            base("Au", "M", "S", "N"),
            base("C", "N", "P", "C"),
            base("I", "N", "P", "C"),
            base("A", "N", "P", "C"),
            optional("E", "U", "POC", "F", "H", "ND"),
            optional("RL", "OF", "TF", "W", "U", "ND"),
            optional("RC", "UC", "UR", "C", "ND"),
            optional("CDP", "N", "L", "LM", "MH", "H", "ND"),
            optional("TD", "N", "L", "M", "H", "ND"),
            optional("CR", "L", "M", "H", "ND"),
            optional("IR", "L", "M", "H", "ND"),
            optional("AR", "L", "M", "H", "ND"));

    private Cvss2Calculator() {
    }

    /** Scores a v2 vector; throws IllegalArgumentException naming the defect. */
    public static Cvss score(String vector) {
        String body = vector;
        if (body.startsWith("(") && body.endsWith(")")) {
            body = body.substring(1, body.length() - 1);
        }
        if (body.startsWith("CVSS:")) {
            throw CvssMetricParser.invalid("CVSS v2", vector, "v2 vectors carry no CVSS: prefix");
        }
        Map<String, String> m = CvssMetricParser.parse("CVSS v2", vector, body, METRICS, false);
        return new Cvss("2.0", vector, baseScore(m));
    }

    private static double baseScore(Map<String, String> m) {
        double impact = 10.41 * (1 - (1 - cia(m.get("C"))) * (1 - cia(m.get("I"))) * (1 - cia(m.get("A"))));
        double exploitability = 20 * accessVector(m.get("AV")) * accessComplexity(m.get("AC"))
                * authentication(m.get("Au"));
        double f = impact == 0 ? 0 : 1.176;
        double raw = ((0.6 * impact) + (0.4 * exploitability) - 1.5) * f;
        return Math.max(0.0, Math.round(raw * 10) / 10.0);
    }

    private static double accessVector(String v) {
        return switch (v) {
            case "L" -> 0.395;
            case "A" -> 0.646;
            default -> 1.0;
        };
    }

    private static double accessComplexity(String v) {
        return switch (v) {
            case "H" -> 0.35;
            case "M" -> 0.61;
            default -> 0.71;
        };
    }

    private static double authentication(String v) {
        return switch (v) {
            case "M" -> 0.45;
            case "S" -> 0.56;
            default -> 0.704;
        };
    }

    private static double cia(String v) {
        return switch (v) {
            case "P" -> 0.275;
            case "C" -> 0.660;
            default -> 0.0;
        };
    }
}
