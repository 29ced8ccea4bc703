package dev.layerwatch.engine.cvss;

import java.util.Map;
import java.util.Set;

/**
 * The metric values a v4.0 score is computed from: a modified metric (MAV…) overrides its base metric, and an
 * absent or {@code X} threat or security-requirement metric counts as its worst case (E:A, CR/IR/AR:H).
 */
final class Cvss4Effective {

    private static final Map<String, String> WORST_CASE = Map.of("E", "A", "CR", "H", "IR", "H", "AR", "H");
    private static final Set<String> HIGH_ONLY = Set.of("H");

    private final Map<String, String> metrics;

    Cvss4Effective(Map<String, String> metrics) {
        this.metrics = Map.copyOf(metrics);
    }

    String get(String metric) {
        String selected = metrics.getOrDefault(metric, "X");
        if (selected.equals("X") && WORST_CASE.containsKey(metric)) {
            return WORST_CASE.get(metric);
        }
        String modified = metrics.get("M" + metric);
        if (modified != null && !modified.equals("X")) {
            return modified;
        }
        return selected;
    }

    /** EQ1…EQ6 as the specification's equivalence classes define them. */
    int[] macroVector() {
        String av = get("AV");
        String pr = get("PR");
        String ui = get("UI");
        int eq1;
        if (av.equals("N") && pr.equals("N") && ui.equals("N")) {
            eq1 = 0;
        } else if ((av.equals("N") || pr.equals("N") || ui.equals("N")) && !av.equals("P")) {
            eq1 = 1;
        } else {
            eq1 = 2;
        }
        int eq2 = get("AC").equals("L") && get("AT").equals("N") ? 0 : 1;

        String vc = get("VC");
        String vi = get("VI");
        String va = get("VA");
        int eq3;
        if (vc.equals("H") && vi.equals("H")) {
            eq3 = 0;
        } else if (vc.equals("H") || vi.equals("H") || va.equals("H")) {
            eq3 = 1;
        } else {
            eq3 = 2;
        }
        int eq4;
        if (get("MSI").equals("S") || get("MSA").equals("S")) {
            eq4 = 0;
        } else if (HIGH_ONLY.contains(get("SC")) || HIGH_ONLY.contains(get("SI")) || HIGH_ONLY.contains(get("SA"))) {
            eq4 = 1;
        } else {
            eq4 = 2;
        }
        int eq5 = switch (get("E")) {
            case "A" -> 0;
            case "P" -> 1;
            default -> 2;
        };
        boolean highRequirementMet = (get("CR").equals("H") && vc.equals("H"))
                || (get("IR").equals("H") && vi.equals("H"))
                || (get("AR").equals("H") && va.equals("H"));
        int eq6 = highRequirementMet ? 0 : 1;
        return new int[] {eq1, eq2, eq3, eq4, eq5, eq6};
    }
}
