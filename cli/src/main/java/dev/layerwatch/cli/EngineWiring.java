package dev.layerwatch.cli;

import dev.layerwatch.engine.analysis.AnalyzerSet;
import dev.layerwatch.engine.source.RegistrySourceFactory;
import dev.layerwatch.engine.standard.AnalyzerSets;
import java.io.PrintWriter;
import java.util.Map;

/** The one place the CLI chooses its engine parts: the analyzer lists and how registry targets are opened. */
final class EngineWiring {

    private EngineWiring() {
    }

    static AnalyzerSet analyzers() {
        return AnalyzerSets.standard();
    }

    /** The real registry client, allowed to contact the host the user named and no other. */
    static RegistrySourceFactory registrySources(ScanOptions options, Map<String, String> env, PrintWriter stderr) {
        return RegistryTargets.of(options, env, stderr);
    }
}
