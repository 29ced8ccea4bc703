package dev.layerwatch.engine.vulndb.update;

import dev.layerwatch.engine.advisory.FeedWarning;
import java.util.List;

/**
 * What an update did.
 *
 * @param version      the current snapshot after the update (the old one when nothing changed)
 * @param changed      whether a new snapshot was built and switched to
 * @param feedsChanged feeds that had new data ({@code osv:Maven}, {@code alpine-secdb:<url>}, {@code debian-tracker})
 * @param records      records written (OSV records fetched, or whole-feed records reloaded)
 */
public record UpdateResult(String version, boolean changed, List<String> feedsChanged, int records, List<FeedWarning> warnings) {
    public UpdateResult {
        feedsChanged = List.copyOf(feedsChanged);
        warnings = List.copyOf(warnings);
    }
}
