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
    private final List<String> problems = new ArrayList<>();

    void add(String name, String version) {
        if (name != null && !name.isBlank() && version != null && !version.isBlank()) {
            entries.add(new Entry(name.strip(), version.strip()));
        }
    }

    void problem(String description) {
        problems.add(description);
    }

    List<Entry> entries() {
        return List.copyOf(entries);
    }

    List<String> problems() {
        return problems;
    }
}
