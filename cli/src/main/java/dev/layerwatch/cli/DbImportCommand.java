package dev.layerwatch.cli;

import dev.layerwatch.engine.advisory.FeedWarning;
import dev.layerwatch.engine.ecosystem.debian.DebianReleases;
import dev.layerwatch.engine.vulndb.FeedImporter;
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

/** {@code layerwatch db import}: builds a new snapshot from local feed files, offline. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import local feed files into a new snapshot and make it current.")
final class DbImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--db", required = true, description = "Vulnerability DB directory.")
    Path db;

    @Option(names = "--osv", description = "OSV record, directory tree of records, or all.zip (repeatable).")
    List<Path> osv = new ArrayList<>();

    @Option(names = "--alpine-secdb", description = "Alpine secdb JSON file, e.g. v3.18/main.json (repeatable).")
    List<Path> alpineSecdb = new ArrayList<>();

    @Option(names = "--debian-tracker", description = "Debian security tracker JSON (repeatable).")
    List<Path> debianTracker = new ArrayList<>();

    @Option(names = "--debian-release", description = "Codename=version for the tracker, e.g. bookworm=12 (defaults built in).")
    Map<String, String> debianReleases = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        if (osv.isEmpty() && alpineSecdb.isEmpty() && debianTracker.isEmpty()) {
            spec.commandLine().getErr().println("layerwatch: db import needs at least one of --osv, --alpine-secdb, --debian-tracker");
            return Layerwatch.EXIT_USAGE;
        }
        FeedImporter.Result result = new FeedImporter().importInto(db, new FeedImporter.Sources(osv, alpineSecdb,
                debianTracker, DebianReleases.withOverrides(debianReleases)));
        for (FeedWarning w : result.warnings()) {
            spec.commandLine().getErr().println("warning: " + w);
        }
        spec.commandLine().getOut().printf("imported %d advisories (%d withdrawn skipped) into snapshot %s in %s (%d warnings)%n",
                result.advisories(), result.withdrawn(), result.version(), db, result.warnings().size());
        return 0;
    }
}
