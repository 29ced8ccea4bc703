package dev.layerwatch.engine.standard;

import dev.layerwatch.engine.analysis.AnalyzerSet;
import dev.layerwatch.engine.analysis.EndOfLifeLookup;
import dev.layerwatch.engine.analysis.ImageCheck;
import dev.layerwatch.engine.analysis.LayerFileScanner;
import dev.layerwatch.engine.analysis.OsReleaseReader;
import dev.layerwatch.engine.check.ImageConfigChecks;
import dev.layerwatch.engine.check.PackageManagerCheck;
import dev.layerwatch.engine.check.eol.OsLifecycle;
import dev.layerwatch.engine.ecosystem.os.OsReleaseParser;
import dev.layerwatch.engine.inventory.OsRelease;
import dev.layerwatch.engine.layer.FileMeta;
import dev.layerwatch.engine.secret.SecretScanner;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/** The analyzer sets the engine ships: {@link #standard()} is what the CLI and scan-service run. */
public final class AnalyzerSets {

    private AnalyzerSets() {
    }

    /** Every cataloger, the secret scanner, os-release detection and the image checks. */
    public static AnalyzerSet standard() {
        return standard(Clock.systemUTC());
    }

    public static AnalyzerSet standard(Clock clock) {
        OsLifecycle lifecycle = OsLifecycle.bundled();
        SecretScanner secrets = new SecretScanner();
        ImageCheck config = ImageCheck.of("config", (facts, warnings) -> {
            if (facts.configJson().length == 0) {
                return List.of();
            }
            var result = ImageConfigChecks.check(facts.configJson(), secrets);
            result.warnings().forEach(warnings);
            return result.findings();
        });
        ImageCheck packageManager = ImageCheck.of("package-manager", (facts, warnings) -> PackageManagerCheck.check(facts.exists()));
        ImageCheck endOfLife = ImageCheck.of("end-of-life",
                (facts, warnings) -> facts.os() == null ? List.of() : lifecycle.check(facts.os(), LocalDate.now(clock)));
        EndOfLifeLookup eol = os -> lifecycle.lookup(os, LocalDate.now(clock)).map(s -> s.eolDate());
        return new AnalyzerSet(Catalogers.all(), List.of(secretScanner(secrets)), osRelease(),
                new HashSet<>(PackageManagerCheck.PATHS), List.of(config, packageManager, endOfLife), eol);
    }

    static OsReleaseReader osRelease() {
        List<String> ordered = OsReleaseParser.PATHS.stream().sorted(Comparator.comparingInt(OsReleaseParser::precedence)).toList();
        return new OsReleaseReader() {
            @Override
            public List<String> pathsByPrecedence() {
                return ordered;
            }

            @Override
            public Optional<OsRelease> parse(String path, byte[] content) {
                return OsReleaseParser.parse(path, content);
            }
        };
    }

    private static LayerFileScanner secretScanner(SecretScanner scanner) {
        return new LayerFileScanner() {
            @Override
            public String name() {
                return "secrets";
            }

            @Override
            public int version() {
                return 1;
            }

            @Override
            public boolean wants(FileMeta file) {
                return scanner.wants(file);
            }

            @Override
            public List<dev.layerwatch.common.finding.SecretFinding> scan(FileMeta file, InputStream content, String layer)
                    throws IOException {
                return scanner.scan(file, content, layer);
            }
        };
    }
}
