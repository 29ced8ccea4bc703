package dev.layerwatch.cli;

import dev.layerwatch.engine.vulndb.SnapshotInfo;
import dev.layerwatch.engine.vulndb.VulnDb;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code layerwatch db info}: which snapshot is current and what it holds. */
@Command(name = "info", mixinStandardHelpOptions = true, description = "Show the current snapshot: version, build time, counts.")
final class DbInfoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--db", required = true, description = "Vulnerability DB directory.")
    Path db;

    @Override
    public Integer call() throws Exception {
        SnapshotInfo info;
        try (VulnDb vulnDb = VulnDb.open(db)) {
            info = vulnDb.current().info();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("version:    " + info.version());
        out.println("built at:   " + info.builtAt());
        out.println("schema:     " + info.schemaVersion());
        out.println("advisories: " + info.advisories());
        for (Map.Entry<String, Map<String, Long>> source : info.counts().entrySet()) {
            out.println("source " + source.getKey() + ":");
            source.getValue().forEach((namespace, count) -> out.printf("  %-24s %d%n", namespace, count));
        }
        return 0;
    }
}
