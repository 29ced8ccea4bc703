package dev.layerwatch.engine.match;

import dev.layerwatch.engine.advisory.AffectedPackage;
import dev.layerwatch.engine.advisory.AffectedRange;
import dev.layerwatch.engine.advisory.RangeEvent;
import dev.layerwatch.engine.version.VersionComparator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether one version is affected by one OSV {@code affected[]} entry, following the schema's
 * evaluation rule: listed in {@code versions}, or inside a range whose events, sorted by the
 * ecosystem's ordering, turn "affected" on ({@code introduced} ≤ v) and off ({@code fixed} ≤ v,
 * {@code last_affected} &lt; v), capped by {@code limit}. GIT ranges need commits, not versions, and
 * are skipped. {@code introduced: "0"} sorts before every version.
 */
final class AffectedEvaluator {

    private final VersionComparator comparator;

    AffectedEvaluator(VersionComparator comparator) {
        this.comparator = comparator;
    }

    /** The fixed versions that apply to {@code version} (empty: no fix known), or empty when not affected. */
    Optional<List<String>> evaluate(AffectedPackage entry, String version) {
        boolean listed = entry.versions().contains(version);
        Set<String> fixes = new LinkedHashSet<>();
        boolean inRange = false;
        for (AffectedRange range : entry.ranges()) {
            if (range.isGit() || range.events().isEmpty()) {
                continue;
            }
            Optional<String> hit = evaluateRange(range, version);
            if (hit != null) {
                inRange = true;
                hit.ifPresent(fixes::add);
            }
        }
        if (listed && !inRange) {
            // an explicit list entry: offer the range fixes above the version, if any
            for (AffectedRange range : entry.ranges()) {
                if (range.isGit()) {
                    continue;
                }
                range.events().stream()
                        .filter(e -> e.kind() == RangeEvent.Kind.FIXED && compare(e.version(), version) > 0)
                        .map(RangeEvent::version).forEach(fixes::add);
            }
        }
        return listed || inRange ? Optional.of(List.copyOf(fixes)) : Optional.empty();
    }

    /** null: not affected by this range; otherwise the next fix above the version, if any. */
    private Optional<String> evaluateRange(AffectedRange range, String version) {
        List<RangeEvent> events = new ArrayList<>(range.events());
        List<RangeEvent> limits = events.stream().filter(e -> e.kind() == RangeEvent.Kind.LIMIT).toList();
        if (!limits.isEmpty() && limits.stream().allMatch(l -> !isZero(l.version()) && compare(version, l.version()) >= 0)) {
            return null;
        }
        events.removeAll(limits);
        events.sort(Comparator.comparing(RangeEvent::version, this::compare));
        boolean affected = false;
        int index = 0;
        for (; index < events.size(); index++) {
            RangeEvent e = events.get(index);
            int cmp = compare(version, e.version());
            switch (e.kind()) {
                case INTRODUCED -> {
                    if (cmp >= 0) {
                        affected = true;
                    }
                }
                case FIXED -> {
                    if (cmp >= 0) {
                        affected = false;
                    }
                }
                case LAST_AFFECTED -> {
                    if (cmp > 0) {
                        affected = false;
                    }
                }
                default -> {
                }
            }
            if (cmp < 0) {
                break;
            }
        }
        if (!affected) {
            return null;
        }
        for (int i = index; i < events.size(); i++) {
            if (events.get(i).kind() == RangeEvent.Kind.FIXED) {
                return Optional.of(events.get(i).version());
            }
            if (events.get(i).kind() == RangeEvent.Kind.LAST_AFFECTED) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private int compare(String a, String b) {
        boolean za = isZero(a);
        boolean zb = isZero(b);
        if (za || zb) {
            return za && zb ? 0 : za ? -1 : 1;
        }
        return comparator.compare(a, b);
    }

    private static boolean isZero(String v) {
        return v.equals("0");
    }
}
