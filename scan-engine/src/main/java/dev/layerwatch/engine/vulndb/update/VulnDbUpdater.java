package dev.layerwatch.engine.vulndb.update;

import dev.layerwatch.engine.advisory.Advisory;
import dev.layerwatch.engine.advisory.FeedReadResult;
import dev.layerwatch.engine.advisory.FeedWarning;
import dev.layerwatch.engine.advisory.OsvFeedReader;
import dev.layerwatch.engine.ecosystem.alpine.AlpineSecdbParser;
import dev.layerwatch.engine.vulndb.SecdbFeeds;
import dev.layerwatch.engine.ecosystem.debian.DebianTrackerParser;
import dev.layerwatch.engine.vulndb.FeedState;
import dev.layerwatch.engine.vulndb.SnapshotPointer;
import dev.layerwatch.engine.vulndb.SnapshotWriter;
import dev.layerwatch.engine.vulndb.VulnDbSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code layerwatch db update}: downloads every configured feed first (conditional GET, OSV
 * incrementally through {@code modified_id.csv}), and only when all downloads succeeded builds a new
 * snapshot — a copy of the current one with the changes applied — and switches to it. Any failed,
 * partial or unreadable download aborts the update and leaves the current snapshot in use. The feed
 * state (ETag, Last-Modified, last OSV timestamp) is stored in the snapshot it produced.
 */
public final class VulnDbUpdater {

    /** Snapshots kept besides the current one, for scans still reading them. */
    static final int KEEP_OLD_SNAPSHOTS = 2;

    private final UpdateSources sources;
    private final FeedDownloader downloader;

    public VulnDbUpdater(UpdateSources sources) {
        this(sources, HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(20)).build(),
                Duration.ofMinutes(10));
    }

    public VulnDbUpdater(UpdateSources sources, HttpClient http, Duration requestTimeout) {
        this.sources = sources;
        this.downloader = new FeedDownloader(http, requestTimeout);
    }

    /** One feed's downloaded data, applied to the new snapshot once every download succeeded. */
    private record Change(String feed, FeedState state, Apply apply) {
    }

    private interface Apply {
        FeedReadResult apply(SnapshotWriter writer) throws IOException;
    }

    /**
     * @param full ignore the current snapshot and stored feed state: download everything, build from empty
     *             (also drops records a feed has deleted, which {@code modified_id.csv} cannot express)
     */
    public UpdateResult update(Path dir, boolean full) throws IOException {
        Files.createDirectories(dir);
        Optional<String> currentVersion = SnapshotPointer.read(dir);
        VulnDbSnapshot base = currentVersion.isPresent() && !full
                ? VulnDbSnapshot.open(currentVersion.get(), SnapshotPointer.snapshotFile(dir, currentVersion.get())) : null;
        Path work = Files.createTempDirectory(dir, ".update-");
        try {
            List<Change> changes = new ArrayList<>();
            for (String ecosystem : sources.osvEcosystems()) {
                planOsv(ecosystem, base, work).ifPresent(changes::add);
            }
            int i = 0;
            for (URI secdb : sources.alpineSecdb()) {
                planAlpine(secdb, base, work.resolve("alpine-" + i++ + ".json")).ifPresent(changes::add);
            }
            if (sources.debianTracker() != null) {
                planDebian(sources.debianTracker(), base, work.resolve("debian-tracker.json")).ifPresent(changes::add);
            }
            if (changes.isEmpty()) {
                return new UpdateResult(currentVersion.orElse(null), false, List.of(), 0, List.of());
            }
            return build(dir, base, changes);
        } finally {
            if (base != null) {
                base.close();
            }
            deleteTree(work);
        }
    }

    private UpdateResult build(Path dir, VulnDbSnapshot base, List<Change> changes) throws IOException {
        List<FeedWarning> warnings = new ArrayList<>();
        List<String> feeds = new ArrayList<>();
        int records = 0;
        String version;
        try (SnapshotWriter writer = base != null ? SnapshotWriter.copyOf(dir, base.file()) : SnapshotWriter.create(dir)) {
            for (Change change : changes) {
                FeedReadResult r;
                try {
                    r = change.apply().apply(writer);
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
                records += r.advisories() + r.withdrawn();
                warnings.addAll(r.warnings());
                writer.putFeedState(change.state());
                feeds.add(change.feed());
            }
            version = writer.commit();
        }
        pruneOldSnapshots(dir, version);
        return new UpdateResult(version, true, feeds, records, warnings);
    }

    private Optional<Change> planOsv(String ecosystem, VulnDbSnapshot base, Path work) throws IOException {
        String feed = "osv:" + ecosystem;
        FeedState state = base == null ? null : base.feedState(feed).orElse(null);
        Path dirFor = Files.createDirectories(work.resolve("osv-" + ecosystem.replaceAll("[^A-Za-z0-9.-]", "_")));
        FeedDownloader.Download csv = downloader.get(sources.osv(ecosystem, "modified_id.csv"), state, dirFor.resolve("modified_id.csv"));
        if (csv.unchanged() && state != null) {
            return Optional.empty();
        }
        Path csvFile = csv.file();
        Instant since = state != null && state.syncedAt() != null ? Instant.parse(state.syncedAt()) : null;
        Instant newest = ModifiedIds.newest(csvFile);
        FeedState next = new FeedState(feed, csv.etag(), csv.lastModified(), newest != null ? newest.toString() : null);
        if (since == null) {
            // first sync (or no usable state): the whole ecosystem; the csv's newest line marks where it stands
            Path zip = downloader.get(sources.osv(ecosystem, "all.zip"), null, dirFor.resolve("all.zip")).file();
            return Optional.of(change(feed, next, w -> new OsvFeedReader().read(zip, w::put)));
        }
        List<Path> files = new ArrayList<>();
        for (ModifiedIds.Entry entry : ModifiedIds.newerThan(csvFile, since)) {
            files.add(downloader.get(sources.osv(ecosystem, entry.id() + ".json"), null, dirFor.resolve(entry.id() + ".json")).file());
        }
        if (files.isEmpty()) {
            return Optional.of(change(feed, next, w -> new FeedReadResult(0, 0, List.of())));
        }
        return Optional.of(change(feed, next, w -> {
            OsvFeedReader reader = new OsvFeedReader();
            int advisories = 0;
            int withdrawn = 0;
            List<FeedWarning> warnings = new ArrayList<>();
            for (Path f : files) {
                FeedReadResult r = reader.read(f, w::put);
                advisories += r.advisories();
                withdrawn += r.withdrawn();
                warnings.addAll(r.warnings());
            }
            return new FeedReadResult(advisories, withdrawn, warnings);
        }));
    }

    private Optional<Change> planAlpine(URI uri, VulnDbSnapshot base, Path into) throws IOException {
        String feed = AlpineSecdbParser.SOURCE + ":" + uri;
        FeedState state = base == null ? null : base.feedState(feed).orElse(null);
        FeedDownloader.Download d = downloader.get(uri, state, into);
        if (d.unchanged()) {
            return Optional.empty();
        }
        FeedState next = new FeedState(feed, d.etag(), d.lastModified(), Instant.now().toString());
        return Optional.of(change(feed, next, w -> {
            List<Advisory> advisories = new ArrayList<>();
            FeedReadResult r = SecdbFeeds.read(into, advisories::add);
            Set<String> prefixes = new LinkedHashSet<>();
            advisories.forEach(a -> prefixes.add(a.source() + '\u0000' + a.scope().substring(0, a.scope().lastIndexOf('/') + 1)));
            if (prefixes.isEmpty()) {
                prefixes.add(AlpineSecdbParser.SOURCE + '\u0000' + scopeFromUrl(uri));
            }
            prefixes.forEach(p -> w.deleteSource(p.substring(0, p.indexOf('\u0000')), p.substring(p.indexOf('\u0000') + 1)));
            advisories.forEach(w::put);
            return r;
        }));
    }

    private Optional<Change> planDebian(URI uri, VulnDbSnapshot base, Path into) throws IOException {
        String feed = DebianTrackerParser.SOURCE;
        FeedState state = base == null ? null : base.feedState(feed).orElse(null);
        FeedDownloader.Download d = downloader.get(uri, state, into);
        if (d.unchanged()) {
            return Optional.empty();
        }
        FeedState next = new FeedState(feed, d.etag(), d.lastModified(), Instant.now().toString());
        return Optional.of(change(feed, next, w -> {
            w.deleteSource(DebianTrackerParser.SOURCE, "");
            return new DebianTrackerParser(sources.debianReleases()).read(into, w::put);
        }));
    }

    private static Change change(String feed, FeedState state, Apply apply) {
        return new Change(feed, state, apply);
    }

    /** {@code …/v3.18/main.json} → {@code v3.18/main/}: the scope of that file's records. */
    private static String scopeFromUrl(URI uri) {
        String[] parts = uri.getPath().split("/");
        if (parts.length < 2) {
            return uri.getPath();
        }
        String repo = parts[parts.length - 1].replaceFirst("\\.json$", "");
        return parts[parts.length - 2] + "/" + repo + "/";
    }

    private static void pruneOldSnapshots(Path dir, String current) throws IOException {
        List<Path> old;
        try (Stream<Path> list = Files.list(dir.resolve("snapshots"))) {
            old = list.filter(p -> !p.getFileName().toString().endsWith(".partial"))
                    .filter(p -> !p.getFileName().toString().equals(current))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
                    .toList();
        }
        for (Path p : old.subList(Math.min(KEEP_OLD_SNAPSHOTS, old.size()), old.size())) {
            deleteTree(p);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
