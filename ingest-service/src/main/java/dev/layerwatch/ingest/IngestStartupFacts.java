package dev.layerwatch.ingest;

import dev.layerwatch.common.startup.StartupFact;
import dev.layerwatch.ingest.auth.IngestAuthProperties;
import java.util.List;
import org.springframework.stereotype.Component;

/** ingest-service's start-up facts: the webhook sources that will be accepted (a source without a token is off). */
@Component
public class IngestStartupFacts implements StartupFact {

    private static final List<String> SOURCES = List.of("distribution", "harbor", "dockerhub", "quay", "github", "artifactory", "acr",
            "ecr", "gar");

    private final IngestAuthProperties auth;

    public IngestStartupFacts(IngestAuthProperties auth) {
        this.auth = auth;
    }

    @Override
    public List<String> lines() {
        List<String> enabled = SOURCES.stream().filter(s -> auth.forSource(s) != null).toList();
        return List.of("webhook sources: " + (enabled.isEmpty() ? "none (set layerwatch.ingest.<source>.token: every push is refused)"
                : String.join(", ", enabled) + " (POST /webhooks/<source>)"));
    }
}
