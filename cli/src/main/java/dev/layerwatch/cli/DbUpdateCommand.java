package dev.layerwatch.cli;

import dev.layerwatch.engine.advisory.FeedWarning;
import dev.layerwatch.engine.ecosystem.debian.DebianReleases;
import dev.layerwatch.engine.vulndb.update.UpdateResult;
import dev.layerwatch.engine.vulndb.update.UpdateSources;
import dev.layerwatch.engine.vulndb.update.VulnDbUpdater;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code layerwatch db update}: downloads the live feeds and switches to a new snapshot when they changed. */
@Command(name = "update", mixinStandardHelpOptions = true,
        description = "Download the feeds (conditional, incremental for OSV) into a new snapshot; the current one stays on any failure.")
final class DbUpdateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--db", required = true, description = "Vulnerability DB directory.")
    Path db;

    @Option(names = "--osv-base-url", description = "OSV bucket root (default ${DEFAULT-VALUE}).")
    URI osvBase = UpdateSources.OSV_BUCKET;

    @Option(names = "--osv-ecosystem", description = "OSV ecosystem to download (repeatable; default Maven npm PyPI Go Debian Alpine Ubuntu).")
    List<String> osvEcosystems = new ArrayList<>();

    @Option(names = "--alpine-secdb-url", description = "Alpine secdb file URL (repeatable; default v3.18–v3.22 main and community).")
    List<URI> alpineSecdb = new ArrayList<>();

    @Option(names = "--debian-tracker-url", description = "Debian security tracker JSON URL (default ${DEFAULT-VALUE}).")
    URI debianTracker = UpdateSources.DEBIAN_TRACKER;

    @Option(names = "--debian-release", description = "Codename=version for the tracker, e.g. bookworm=12 (defaults built in).")
    Map<String, String> debianReleases = new LinkedHashMap<>();

    @Option(names = "--full", description = "Ignore stored feed state and rebuild from complete downloads.")
    boolean full;

    @Override
    public Integer call() throws Exception {
        UpdateSources defaults = UpdateSources.defaults();
        UpdateSources sources = new UpdateSources(osvBase,
                osvEcosystems.isEmpty() ? defaults.osvEcosystems() : osvEcosystems,
                alpineSecdb.isEmpty() ? defaults.alpineSecdb() : alpineSecdb,
                debianTracker, DebianReleases.withOverrides(debianReleases));
        UpdateResult result = new VulnDbUpdater(sources).update(db, full);
        for (FeedWarning w : result.warnings()) {
            spec.commandLine().getErr().println("warning: " + w);
        }
        if (result.changed()) {
            spec.commandLine().getOut().printf("updated %s: snapshot %s (%d records from %s)%n", db, result.version(),
                    result.records(), String.join(", ", result.feedsChanged()));
        } else {
            spec.commandLine().getOut().printf("%s is up to date: snapshot %s%n", db, result.version());
        }
        return 0;
    }
}
