package dev.layerwatch.engine.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * One file's warnings: the first {@code keep} as written, the rest only counted, so a 5 MB file of broken lines
 * yields a handful of strings and a number instead of a list that outgrows the heap.
 */
public final class FileWarnings {

    /** Enough to show what is wrong with a file; the count says how much more there was. */
    public static final int DEFAULT_KEEP = 20;

    private final String location;
    private final int keep;
    private final List<String> kept = new ArrayList<>();
    private long count;

    public FileWarnings(String location) {
        this(location, DEFAULT_KEEP);
    }

    public FileWarnings(String location, int keep) {
        this.location = location;
        this.keep = keep;
    }

    /** Adds {@code "<location>: <warning>"}. */
    public void add(String warning) {
        count++;
        if (kept.size() < keep) {
            kept.add(location + ": " + warning);
        }
    }

    public long count() {
        return count;
    }

    /** The kept warnings, then one line counting the dropped ones. */
    public List<String> toList() {
        if (count <= kept.size()) {
            return List.copyOf(kept);
        }
        List<String> all = new ArrayList<>(kept);
        all.add(location + ": " + (count - kept.size()) + " more warnings (" + count + " in all) not kept");
        return List.copyOf(all);
    }
}
