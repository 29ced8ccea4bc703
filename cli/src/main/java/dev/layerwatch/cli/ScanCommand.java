package dev.layerwatch.cli;

import dev.layerwatch.engine.standard.ReportFormat;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code layerwatch scan TARGET}: packages, vulnerabilities (with {@code --db}), secrets and risky settings
 * of an image; a table by default.
 */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Scan an image: OS, packages, vulnerabilities (with --db), secrets and image-config findings.",
                "Formats: table (default), json, cyclonedx (with a vulnerabilities section), sarif (SARIF 2.1.0).",
                "--severity is a minimum (HIGH means HIGH and CRITICAL), not a list.",
                "Exit codes: 0 done; N (--exit-code) findings at or above --severity remain; 2 bad arguments or unreadable target;",
                "3 --exit-code given but vulnerabilities not checked (no --db, or DB too old); 4 scan incomplete (a layer not read)."})
public final class ScanCommand implements Callable<Integer> {

    private static final List<ReportFormat> FORMATS = List.of(ReportFormat.TABLE, ReportFormat.JSON, ReportFormat.CYCLONEDX,
            ReportFormat.SARIF);

    @Mixin
    ScanOptions options;

    @Mixin
    VulnerabilityOptions vulnerabilities;

    @Spec
    CommandSpec spec;

    @ParentCommand
    Layerwatch layerwatch;

    @Override
    public Integer call() {
        return new ScanRun(layerwatch.context, System.out, spec.commandLine().getErr())
                .run(options, new ScanRun.Mode(ReportFormat.TABLE, FORMATS, vulnerabilities));
    }
}
