package dev.layerwatch.engine.cvss;

import dev.layerwatch.common.finding.Cvss;
import java.util.Optional;

/** The entry point: picks the calculator from the vector's prefix ({@code CVSS:3.1/}, {@code CVSS:4.0/}, bare v2). */
public final class CvssCalculators {

    private CvssCalculators() {
    }

    /** The vector with its computed score, or empty when the vector is not valid in its version. */
    public static Optional<Cvss> score(String vector) {
        try {
            return Optional.of(validate(vector));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Scores the vector or throws IllegalArgumentException saying what is wrong with it. */
    public static Cvss validate(String vector) {
        if (vector == null || vector.isBlank()) {
            throw new IllegalArgumentException("invalid CVSS vector: empty");
        }
        String v = vector.strip();
        if (v.startsWith("CVSS:4.0/")) {
            return Cvss4Calculator.score(v);
        }
        if (v.startsWith("CVSS:3.1/") || v.startsWith("CVSS:3.0/")) {
            return Cvss3Calculator.score(v);
        }
        if (v.startsWith("CVSS:")) {
            int slash = v.indexOf('/');
            String prefix = slash < 0 ? v : v.substring(0, slash);
            throw new IllegalArgumentException("invalid CVSS vector '" + v + "': unsupported version prefix '" + prefix
                    + "' (expected CVSS:3.0, CVSS:3.1, CVSS:4.0 or a bare v2 vector)");
        }
        return Cvss2Calculator.score(v);
    }
}
