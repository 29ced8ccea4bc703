package dev.layerwatch.engine.ecosystem.npm;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What a lock-file parser found: distinct name/version pairs in file order, and what it could not read. */
final class NpmLockEntries {

    record Entry(String name, String version) {
    }

    private final Set<Entry> entries = new LinkedHashSet<>();
    private static final int KEPT_PROBLEMS = 20;

    private final List<String> problems = new ArrayList<>();
    private long problemCount;

    void add(String name, String version) {
        if (name != null && !name.isBlank() && version != null && !version.isBlank()) {
            entries.add(new Entry(name.strip(), version.strip()));
        }
    }

    void problem(String description) {
        // a lock file of a million broken entries yields a few examples and a count (cf. FileWarnings)
        if (problems.size() < KEPT_PROBLEMS) {
            problems.add(description);
        }
        problemCount++;
    }

    List<Entry> entries() {
        return List.copyOf(entries);
    }

    List<String> problems() {
        if (problemCount <= problems.size()) {
            return problems;
        }
        List<String> all = new ArrayList<>(problems);
        all.add((problemCount - problems.size()) + " more problems (" + problemCount + " in all) not kept");
        return all;
    }
}
