package dev.layerwatch.cli;

import dev.layerwatch.common.image.Platform;
import dev.layerwatch.engine.analysis.AnalysisListener;
import dev.layerwatch.engine.analysis.ImageAnalyzer;
import dev.layerwatch.engine.analysis.InMemoryLayerResultCache;
import dev.layerwatch.engine.analysis.LayerAnalyzer;
import dev.layerwatch.engine.image.ImageSource;
import dev.layerwatch.engine.layer.LayerLimits;
import dev.layerwatch.engine.report.ImageReport;
import dev.layerwatch.engine.report.ReportFormat;
import dev.layerwatch.engine.source.Target;
import dev.layerwatch.engine.source.Targets;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.List;

/**
 * One scan as both commands run it: parse the arguments, open the target, analyse every selected
 * platform image, write the report. Bad arguments and unreadable targets end with one line on stderr and exit 2.
 */
final class ScanRun {

    private ScanRun() {
    }

    static int run(ScanOptions options, ReportFormat defaultFormat, OutputStream stdout, PrintWriter stderr, boolean progress) {
        ReportFormat format;
        Target target;
        Platform platform;
        try {
            format = options.format == null ? defaultFormat : ReportFormat.parse(options.format);
            target = Targets.parse(options.target);
            platform = options.platform == null ? null : Platform.parse(options.platform);
        } catch (IllegalArgumentException e) {
            return fail(stderr, e.getMessage());
        }
        ImageAnalyzer analyzer = new ImageAnalyzer(new LayerAnalyzer(EngineWiring.analyzers(), LayerLimits.DEFAULTS),
                new InMemoryLayerResultCache());
        AnalysisListener listener = progress ? new ProgressLine(stderr) : AnalysisListener.SILENT;
        List<ImageReport> reports;
        try (ImageSource source = Targets.open(target, EngineWiring.registrySources())) {
            reports = analyzer.scan(source, platform, listener);
        } catch (IOException e) {
            return fail(stderr, "cannot read " + target.describe() + ": " + message(e));
        } finally {
            if (listener instanceof ProgressLine line) {
                line.clear();
            }
        }
        try {
            if (options.output != null) {
                try (OutputStream out = Files.newOutputStream(options.output)) {
                    format.writer().write(reports, out);
                }
            } else {
                format.writer().write(reports, stdout);
            }
        } catch (IllegalArgumentException e) {
            return fail(stderr, e.getMessage());
        } catch (IOException e) {
            return fail(stderr, "cannot write the report" + (options.output == null ? "" : " to " + options.output) + ": " + message(e));
        }
        return 0;
    }

    /**
     * Whether a progress line makes sense. From JDK 22 {@code System.console()} is non-null even when
     * the streams are redirected, so ask {@code Console.isTerminal()} where the runtime has it.
     */
    static boolean interactive() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    private static int fail(PrintWriter stderr, String message) {
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
