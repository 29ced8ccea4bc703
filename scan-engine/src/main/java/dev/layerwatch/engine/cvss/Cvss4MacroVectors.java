package dev.layerwatch.engine.cvss;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The v4.0 macrovector data from the specification: each macrovector's score (a resource file, 270 entries),
 * the highest-severity vectors of each equivalence class, and each class's depth (its maximal severity
 * distance + 1, in steps).
 */
final class Cvss4MacroVectors {

    private static final String RESOURCE = "/cvss/v4-macrovector-scores.txt";
    private static final Map<String, Double> SCORES = load();

    private static final List<List<String>> EQ1_MAX = List.of(
            List.of("AV:N/PR:N/UI:N"),
            List.of("AV:A/PR:N/UI:N", "AV:N/PR:L/UI:N", "AV:N/PR:N/UI:P"),
            List.of("AV:P/PR:N/UI:N", "AV:A/PR:L/UI:P"));
    private static final List<List<String>> EQ2_MAX = List.of(
            List.of("AC:L/AT:N"),
            List.of("AC:H/AT:N", "AC:L/AT:P"));
    /** Indexed by EQ3 then EQ6; EQ3=2 with EQ6=0 cannot occur. */
    private static final List<List<List<String>>> EQ3_EQ6_MAX = List.of(
            List.of(List.of("VC:H/VI:H/VA:H/CR:H/IR:H/AR:H"),
                    List.of("VC:H/VI:H/VA:L/CR:M/IR:M/AR:H", "VC:H/VI:H/VA:H/CR:M/IR:M/AR:M")),
            List.of(List.of("VC:L/VI:H/VA:H/CR:H/IR:H/AR:H", "VC:H/VI:L/VA:H/CR:H/IR:H/AR:H"),
                    List.of("VC:L/VI:H/VA:L/CR:H/IR:M/AR:H", "VC:L/VI:H/VA:H/CR:H/IR:M/AR:M",
                            "VC:H/VI:L/VA:H/CR:M/IR:H/AR:M", "VC:H/VI:L/VA:L/CR:M/IR:H/AR:H",
                            "VC:L/VI:L/VA:H/CR:H/IR:H/AR:M")),
            List.of(List.of(), List.of("VC:L/VI:L/VA:L/CR:H/IR:H/AR:H")));
    private static final List<String> EQ4_MAX = List.of("SC:H/SI:S/SA:S", "SC:H/SI:H/SA:H", "SC:L/SI:L/SA:L");
    private static final List<String> EQ5_MAX = List.of("E:A", "E:P", "E:U");

    private static final int[] DEPTH_EQ1 = {1, 4, 5};
    private static final int[] DEPTH_EQ2 = {1, 2};
    private static final int[][] DEPTH_EQ3_EQ6 = {{7, 6}, {8, 8}, {0, 10}};
    private static final int[] DEPTH_EQ4 = {6, 5, 4};

    private Cvss4MacroVectors() {
    }

    /** The macrovector's score, or NaN when no such macrovector exists (an EQ past its lowest class). */
    static double score(int... eq) {
        StringBuilder key = new StringBuilder(6);
        for (int e : eq) {
            key.append(e);
        }
        Double score = SCORES.get(key.toString());
        return score == null ? Double.NaN : score;
    }

    static int depthEq1(int eq1) {
        return DEPTH_EQ1[eq1];
    }

    static int depthEq2(int eq2) {
        return DEPTH_EQ2[eq2];
    }

    static int depthEq3Eq6(int eq3, int eq6) {
        return DEPTH_EQ3_EQ6[eq3][eq6];
    }

    static int depthEq4(int eq4) {
        return DEPTH_EQ4[eq4];
    }

    /** Every combination of the classes' highest vectors, in the reference calculator's order. */
    static List<Map<String, String>> highestVectors(int[] eq) {
        List<Map<String, String>> out = new ArrayList<>();
        for (String a : EQ1_MAX.get(eq[0])) {
            for (String b : EQ2_MAX.get(eq[1])) {
                for (String c : EQ3_EQ6_MAX.get(eq[2]).get(eq[5])) {
                    Map<String, String> vector = new HashMap<>();
                    for (String part : String.join("/", a, b, c, EQ4_MAX.get(eq[3]), EQ5_MAX.get(eq[4])).split("/")) {
                        int colon = part.indexOf(':');
                        vector.put(part.substring(0, colon), part.substring(colon + 1));
                    }
                    out.add(vector);
                }
            }
        }
        return out;
    }

    private static Map<String, Double> load() {
        Map<String, Double> scores = new HashMap<>();
        try (InputStream in = Cvss4MacroVectors.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("CVSS v4.0 macrovector table " + RESOURCE + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\s+");
                scores.put(parts[0], Double.parseDouble(parts[1]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read CVSS v4.0 macrovector table " + RESOURCE, e);
        }
        if (scores.size() != 270) {
            throw new IllegalStateException("CVSS v4.0 macrovector table " + RESOURCE + " has " + scores.size() + " entries, expected 270");
        }
        return Map.copyOf(scores);
    }
}
