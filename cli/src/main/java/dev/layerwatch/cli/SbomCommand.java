package dev.layerwatch.cli;

import dev.layerwatch.engine.standard.ReportFormat;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code layerwatch sbom TARGET}: the image's software bill of materials; CycloneDX 1.6 JSON by default. */
@Command(name = "sbom", mixinStandardHelpOptions = true,
        description = "Write an image's software bill of materials (CycloneDX 1.6 by default).")
public final class SbomCommand implements Callable<Integer> {

    private static final List<ReportFormat> FORMATS = List.of(ReportFormat.CYCLONEDX, ReportFormat.JSON, ReportFormat.TABLE);

    @Mixin
    ScanOptions options;

    @Spec
    CommandSpec spec;

    @ParentCommand
    Layerwatch layerwatch;

    @Override
    public Integer call() {
        return new ScanRun(layerwatch.context, System.out, spec.commandLine().getErr())
                .run(options, new ScanRun.Mode(ReportFormat.CYCLONEDX, FORMATS, null));
    }
}
