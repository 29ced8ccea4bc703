package dev.layerwatch.cli;

import dev.layerwatch.common.image.Platform;
import dev.layerwatch.engine.analysis.AnalysisListener;
import dev.layerwatch.engine.assembly.ImageAnalyzer;
import dev.layerwatch.engine.image.ImageSource;
import dev.layerwatch.engine.layer.LayerLimits;
import dev.layerwatch.engine.layerscan.InMemoryLayerResultCache;
import dev.layerwatch.engine.layerscan.LayerAnalyzer;
import dev.layerwatch.engine.scan.ImageScan;
import dev.layerwatch.engine.scan.ScanEngine;
import dev.layerwatch.engine.source.RegistrySourceFactory;
import dev.layerwatch.engine.source.Target;
import dev.layerwatch.engine.source.Targets;
import dev.layerwatch.engine.standard.ReportFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.List;

/**
 * One scan as both commands run it: parse the arguments, open the target, analyse every selected
 * platform image, match and apply the policy (the engine's one entry point,
 * {@link ScanEngine}), write the report. Bad
 * arguments and unreadable targets end with one line on stderr and exit 2; otherwise the check's exit code.
 */
final class ScanRun {

    /**
     * How a command runs the scan.
     *
     * @param defaultFormat  the format without {@code --format}
     * @param formats        the formats the command accepts
     * @param vulnerabilities the command's vulnerability options, or null when it matches nothing (sbom)
     */
    record Mode(ReportFormat defaultFormat, List<ReportFormat> formats, VulnerabilityOptions vulnerabilities) {
    }

    private final Layerwatch.Context context;
    private final OutputStream stdout;
    private final PrintWriter stderr;

    ScanRun(Layerwatch.Context context, OutputStream stdout, PrintWriter stderr) {
        this.context = context;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    int run(ScanOptions options, Mode mode) {
        ReportFormat format;
        Target target;
        Platform platform;
        RegistrySourceFactory registries;
        try {
            format = options.format == null ? mode.defaultFormat() : ReportFormat.parse(options.format, mode.formats());
            target = Targets.parse(options.target);
            platform = options.platform == null ? null : Platform.parse(options.platform);
            registries = EngineWiring.registrySources(options, context.env(), stderr);
        } catch (IllegalArgumentException e) {
            return fail(e.getMessage());
        }
        try (VulnerabilityInputs inputs = mode.vulnerabilities() == null ? VulnerabilityInputs.none()
                : VulnerabilityInputs.prepare(mode.vulnerabilities(), context.workingDir(), stderr)) {
            List<ImageScan> scans = scan(inputs, target, platform, registries);
            if (scans == null) {
                return Layerwatch.EXIT_USAGE;
            }
            if (mode.vulnerabilities() != null && !inputs.matches() && (format == ReportFormat.TABLE || format == ReportFormat.SARIF)) {
                stderr.println("note: no vulnerability DB given (--db DIR), so packages were not matched against advisories");
                stderr.flush();
            }
            return write(options, format, scans) ? exitCode(scans, mode) : Layerwatch.EXIT_USAGE;
        } catch (IllegalArgumentException e) {
            return fail(e.getMessage());
        } catch (IOException e) {
            return fail(message(e));
        }
    }

    /**
     * An incomplete scan never passes (4), whatever {@code --exit-code} says; a gate ({@code --exit-code N}) on
     * packages not checked against a current DB cannot pass either (3). Otherwise the policy's code.
     */
    private int exitCode(List<ImageScan> scans, Mode mode) {
        List<String> incomplete = scans.stream().flatMap(s -> s.inventory().outcome().incompleteLayers().stream())
                .map(l -> l.layer() + ": " + l.reason()).distinct().toList();
        if (!incomplete.isEmpty()) {
            stderr.println("layerwatch: scan incomplete, " + incomplete.size() + " layer(s) not read (exit "
                    + Layerwatch.EXIT_INCOMPLETE + "): " + String.join("; ", incomplete));
            stderr.flush();
            return Layerwatch.EXIT_INCOMPLETE;
        }
        boolean gate = mode.vulnerabilities() != null && mode.vulnerabilities().exitCode != 0;
        var notChecked = scans.stream().map(ImageScan::vulnerabilityStatus).filter(s -> !s.checked()).findFirst();
        if (gate && notChecked.isPresent()) {
            stderr.println("layerwatch: --exit-code cannot pass: vulnerabilities not checked, " + notChecked.get().detail()
                    + " (exit " + Layerwatch.EXIT_NOT_CHECKED + ")");
            stderr.flush();
            return Layerwatch.EXIT_NOT_CHECKED;
        }
        return ScanEngine.exitCode(scans);
    }

    /** The scans, or null after telling the user why the target could not be read. */
    private List<ImageScan> scan(VulnerabilityInputs inputs, Target target, Platform platform, RegistrySourceFactory registries) {
        ScanEngine engine = inputs.engine(new ImageAnalyzer(new LayerAnalyzer(EngineWiring.analyzers(), LayerLimits.DEFAULTS),
                new InMemoryLayerResultCache()));
        AnalysisListener listener = context.progress() ? new ProgressLine(stderr) : AnalysisListener.SILENT;
        try (ImageSource source = Targets.open(target, registries)) {
            return engine.scan(source, platform, listener);
        } catch (IOException e) {
            fail("cannot read " + target.describe() + ": " + message(e));
            return null;
        } finally {
            if (listener instanceof ProgressLine line) {
                line.clear();
            }
        }
    }

    private boolean write(ScanOptions options, ReportFormat format, List<ImageScan> scans) {
        try {
            if (options.output != null) {
                try (OutputStream out = Files.newOutputStream(options.output)) {
                    format.writer().write(scans, out);
                }
            } else {
                format.writer().write(scans, stdout);
            }
            return true;
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
        } catch (IOException e) {
            fail("cannot write the report" + (options.output == null ? "" : " to " + options.output) + ": " + message(e));
        }
        return false;
    }

    private int fail(String message) {
        stderr.println("layerwatch: " + message.replace('\n', ' '));
        stderr.flush();
        return Layerwatch.EXIT_USAGE;
    }

    private static String message(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException n) {
            return n.getFile() + (n.getReason() == null ? ": no such file" : ": " + n.getReason());
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
