package dev.layerwatch.engine.advisory;

import java.util.List;

/** What one feed read produced: how many advisories were handed on, how many withdrawn ones skipped, and the warnings. */
public record FeedReadResult(int advisories, int withdrawn, List<FeedWarning> warnings) {
    public FeedReadResult {
        warnings = List.copyOf(warnings);
    }
}
