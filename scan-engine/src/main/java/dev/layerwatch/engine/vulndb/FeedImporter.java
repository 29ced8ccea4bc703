package dev.layerwatch.engine.vulndb;

import dev.layerwatch.engine.advisory.FeedReadResult;
import dev.layerwatch.engine.advisory.FeedWarning;
import dev.layerwatch.engine.advisory.OsvFeedReader;
import dev.layerwatch.engine.ecosystem.debian.DebianReleases;
import dev.layerwatch.engine.ecosystem.debian.DebianTrackerParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Offline import ({@code layerwatch db import}): reads local feed files into one new snapshot. A bad
 * record or an unreadable feed file is a warning and the import goes on; the snapshot is committed
 * unless every feed file failed.
 */
public final class FeedImporter {

    /** The local feed files to import. */
    public record Sources(List<Path> osv, List<Path> alpineSecdb, List<Path> debianTracker, DebianReleases debianReleases) {
        public Sources {
            osv = List.copyOf(osv);
            alpineSecdb = List.copyOf(alpineSecdb);
            debianTracker = List.copyOf(debianTracker);
        }
    }

    public record Result(String version, int advisories, int withdrawn, List<FeedWarning> warnings) {
    }

    private interface FeedRead {
        FeedReadResult read(SnapshotWriter writer) throws IOException;
    }

    public Result importInto(Path dir, Sources sources) throws IOException {
        List<FeedWarning> warnings = new ArrayList<>();
        int advisories = 0;
        int withdrawn = 0;
        int readable = 0;
        int files = 0;
        try (SnapshotWriter writer = SnapshotWriter.create(dir)) {
            List<FeedRead> reads = new ArrayList<>();
            List<Path> names = new ArrayList<>();
            for (Path p : sources.osv()) {
                reads.add(w -> new OsvFeedReader().read(p, w::put));
                names.add(p);
            }
            for (Path p : sources.alpineSecdb()) {
                reads.add(w -> SecdbFeeds.read(p, w::put));
                names.add(p);
            }
            DebianTrackerParser debian = new DebianTrackerParser(sources.debianReleases());
            for (Path p : sources.debianTracker()) {
                reads.add(w -> debian.read(p, w::put));
                names.add(p);
            }
            for (int i = 0; i < reads.size(); i++) {
                files++;
                try {
                    FeedReadResult r = reads.get(i).read(writer);
                    advisories += r.advisories();
                    withdrawn += r.withdrawn();
                    warnings.addAll(r.warnings());
                    readable++;
                } catch (IOException e) {
                    warnings.add(new FeedWarning(names.get(i).toString(), e.getMessage()));
                }
            }
            if (files > 0 && readable == 0) {
                throw new IOException("no feed file could be read; vulnerability DB in " + dir + " left unchanged: " + warnings);
            }
            return new Result(writer.commit(), advisories, withdrawn, warnings);
        }
    }
}
