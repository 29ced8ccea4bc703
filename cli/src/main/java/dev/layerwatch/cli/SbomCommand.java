package dev.layerwatch.cli;

import dev.layerwatch.engine.report.ReportFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code layerwatch sbom TARGET}: the image's software bill of materials; CycloneDX 1.6 JSON by default. */
@Command(name = "sbom", mixinStandardHelpOptions = true,
        description = "Write an image's software bill of materials (CycloneDX 1.6 by default).")
public final class SbomCommand implements Callable<Integer> {

    @Mixin
    ScanOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return ScanRun.run(options, ReportFormat.CYCLONEDX, System.out, spec.commandLine().getErr(), ScanRun.interactive());
    }
}
