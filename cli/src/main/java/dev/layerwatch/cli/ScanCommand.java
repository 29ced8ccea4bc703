package dev.layerwatch.cli;

import dev.layerwatch.engine.report.ReportFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code layerwatch scan TARGET}: packages, secrets and risky settings of an image; a table by default. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Scan an image: OS, packages, secrets and image-config findings.")
public final class ScanCommand implements Callable<Integer> {

    @Mixin
    ScanOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return ScanRun.run(options, ReportFormat.TABLE, System.out, spec.commandLine().getErr(), ScanRun.interactive());
    }
}
