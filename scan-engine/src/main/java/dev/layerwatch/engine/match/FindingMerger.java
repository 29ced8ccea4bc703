package dev.layerwatch.engine.match;

import dev.layerwatch.common.finding.PackageRef;
import dev.layerwatch.common.finding.VulnerabilityFinding;
import dev.layerwatch.engine.inventory.Package;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns the hits on one package into findings: hits whose id sets (id ∪ aliases) intersect,
 * transitively, are one vulnerability and become one finding (GHSA + PYSEC + CVE). Never merged on
 * {@code related}/{@code upstream}: distro bundles list many CVEs. The primary id is a CVE when the
 * group has one, else the id of the first hit in (source, id) order.
 */
final class FindingMerger {

    private FindingMerger() {
    }

    static List<VulnerabilityFinding> merge(Package p, List<AdvisoryHit> hits) {
        List<AdvisoryHit> ordered = new ArrayList<>(hits);
        ordered.sort(Comparator.comparing((AdvisoryHit h) -> h.advisory().source()).thenComparing(h -> h.advisory().id()));
        int[] parent = new int[ordered.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        Map<String, Integer> owner = new HashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            for (String id : ordered.get(i).advisory().allIds()) {
                Integer other = owner.putIfAbsent(id, i);
                if (other != null) {
                    parent[find(parent, i)] = find(parent, other);
                }
            }
        }
        Map<Integer, List<AdvisoryHit>> groups = new LinkedHashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(ordered.get(i));
        }
        List<VulnerabilityFinding> findings = new ArrayList<>();
        for (List<AdvisoryHit> group : groups.values()) {
            findings.add(toFinding(p, group));
        }
        return findings;
    }

    private static VulnerabilityFinding toFinding(Package p, List<AdvisoryHit> group) {
        Set<String> ids = new LinkedHashSet<>();
        group.forEach(h -> ids.addAll(h.advisory().allIds()));
        String primary = ids.stream().filter(id -> id.startsWith("CVE-")).findFirst().orElse(group.get(0).advisory().id());
        Set<String> aliases = new TreeSet<>(ids);
        aliases.remove(primary);
        Set<String> fixes = new LinkedHashSet<>();
        Set<String> sources = new TreeSet<>();
        SeverityChoice severity = SeverityChoice.NONE;
        String title = null;
        for (AdvisoryHit h : group) {
            fixes.addAll(h.fixedVersions());
            sources.add(h.sourceLabel());
            if (h.severity().betterThan(severity)) {
                severity = h.severity();
            }
            if (title == null && h.advisory().summary() != null && !h.advisory().summary().isBlank()) {
                title = h.advisory().summary();
            }
        }
        PackageRef ref = new PackageRef(p.name(), p.version(), p.ecosystem().id(), p.purl());
        return new VulnerabilityFinding(primary, List.copyOf(aliases), ref, List.copyOf(fixes), severity.severity(),
                severity.cvss(), title, String.join(",", sources), p.layer(), Fingerprints.of(primary, p));
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
