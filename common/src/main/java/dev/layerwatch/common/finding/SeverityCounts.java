package dev.layerwatch.common.finding;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/** Counts of findings per severity, as the summary line of a report shows them. */
public record SeverityCounts(int critical, int high, int medium, int low, int negligible, int unknown) {

    public static final SeverityCounts NONE = new SeverityCounts(0, 0, 0, 0, 0, 0);

    public static SeverityCounts of(Collection<Severity> severities) {
        Map<Severity, Integer> m = new EnumMap<>(Severity.class);
        for (Severity s : severities) {
            m.merge(s, 1, Integer::sum);
        }
        return new SeverityCounts(m.getOrDefault(Severity.CRITICAL, 0), m.getOrDefault(Severity.HIGH, 0),
                m.getOrDefault(Severity.MEDIUM, 0), m.getOrDefault(Severity.LOW, 0),
                m.getOrDefault(Severity.NEGLIGIBLE, 0), m.getOrDefault(Severity.UNKNOWN, 0));
    }

    public int total() {
        return critical + high + medium + low + negligible + unknown;
    }

    public int get(Severity severity) {
        return switch (severity) {
            case CRITICAL -> critical;
            case HIGH -> high;
            case MEDIUM -> medium;
            case LOW -> low;
            case NEGLIGIBLE -> negligible;
            case UNKNOWN -> unknown;
        };
    }
}
