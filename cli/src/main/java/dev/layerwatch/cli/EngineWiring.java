package dev.layerwatch.cli;

import dev.layerwatch.engine.analysis.AnalyzerSet;
import dev.layerwatch.engine.analysis.AnalyzerSets;
import dev.layerwatch.engine.source.RegistrySourceFactory;

/** The one place the CLI chooses its engine parts: the analyzer lists and how registry targets are opened. */
final class EngineWiring {

    private EngineWiring() {
    }

    static AnalyzerSet analyzers() {
        return AnalyzerSets.standard();
    }

    /** Registry targets need the registry client; until it is wired here they fail with a clear message. */
    static RegistrySourceFactory registrySources() {
        return RegistrySourceFactory.UNAVAILABLE;
    }
}
