package dev.layerwatch.engine.match;

import dev.layerwatch.common.finding.PackageRef;
import dev.layerwatch.common.finding.VulnerabilityFinding;
import dev.layerwatch.engine.advisory.Advisory;
import dev.layerwatch.engine.inventory.Package;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the hits on one package into findings: hits whose id sets (id ∪ aliases) intersect,
 * transitively, are one vulnerability and become one finding (GHSA + PYSEC + CVE). A distro's per-CVE
 * record ({@code UBUNTU-CVE-2021-3782}, {@code DEBIAN-CVE-…}, {@code ALPINE-CVE-…}) counts as that CVE.
 * Never merged on {@code related}/{@code upstream}, because distro bundles (USN, DSA, DLA) list many
 * CVEs; but a bundle whose CVEs are all reported on their own for this package adds nothing and is
 * folded into them as an alias (dedupe on the CVE). The primary id is a CVE when the group has one,
 * else the id of the first hit in (source, id) order.
 */
final class FindingMerger {

    private static final Pattern DISTRO_CVE = Pattern.compile("(?:UBUNTU|DEBIAN|ALPINE)-(CVE-\\d{4}-\\d+)");

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
            for (String id : identity(ordered.get(i).advisory())) {
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
        List<List<AdvisoryHit>> all = new ArrayList<>(groups.values());
        List<Set<String>> extraAliases = new ArrayList<>();
        all.forEach(g -> extraAliases.add(new TreeSet<>()));
        List<VulnerabilityFinding> findings = new ArrayList<>();
        for (int g = 0; g < all.size(); g++) {
            List<Integer> coveredBy = bundleCoveredBy(all, g);
            if (coveredBy.isEmpty()) {
                continue;
            }
            for (int other : coveredBy) {
                all.get(g).forEach(h -> extraAliases.get(other).addAll(h.advisory().allIds()));
            }
            all.set(g, null);
        }
        for (int g = 0; g < all.size(); g++) {
            if (all.get(g) != null) {
                findings.add(toFinding(p, all.get(g), extraAliases.get(g)));
            }
        }
        return findings;
    }

    /** The ids a record stands for: its own, its aliases, and the CVE of a distro per-CVE id. */
    static Set<String> identity(Advisory advisory) {
        Set<String> ids = new LinkedHashSet<>(advisory.allIds());
        for (String id : advisory.allIds()) {
            cveOf(id).ifPresent(ids::add);
        }
        return ids;
    }

    private static Optional<String> cveOf(String id) {
        Matcher m = DISTRO_CVE.matcher(id);
        if (m.matches()) {
            return Optional.of(m.group(1));
        }
        return id.startsWith("CVE-") ? Optional.of(id) : Optional.empty();
    }

    /**
     * For a group without a CVE of its own whose related CVEs are all reported by other groups: those
     * groups. Empty when the group must stay a finding.
     */
    private static List<Integer> bundleCoveredBy(List<List<AdvisoryHit>> groups, int g) {
        Set<String> own = new LinkedHashSet<>();
        Set<String> relatedCves = new LinkedHashSet<>();
        for (AdvisoryHit h : groups.get(g)) {
            own.addAll(identity(h.advisory()));
            h.advisory().related().forEach(r -> cveOf(r).ifPresent(relatedCves::add));
        }
        if (relatedCves.isEmpty() || own.stream().anyMatch(id -> id.startsWith("CVE-"))) {
            return List.of();
        }
        Set<Integer> covering = new TreeSet<>();
        for (String cve : relatedCves) {
            int found = -1;
            for (int o = 0; o < groups.size() && found < 0; o++) {
                if (o != g && groups.get(o) != null
                        && groups.get(o).stream().anyMatch(h -> identity(h.advisory()).contains(cve))) {
                    found = o;
                }
            }
            if (found < 0) {
                return List.of();
            }
            covering.add(found);
        }
        return List.copyOf(covering);
    }

    private static VulnerabilityFinding toFinding(Package p, List<AdvisoryHit> group, Set<String> extraAliases) {
        Set<String> ids = new LinkedHashSet<>();
        group.forEach(h -> ids.addAll(identity(h.advisory())));
        ids.addAll(extraAliases);
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
        PackageRef ref = new PackageRef(p.name(), p.version(), p.ecosystem().id(), p.purl(), Fingerprints.location(p));
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
