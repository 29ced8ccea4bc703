package dev.layerwatch.ingest.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * One credential per webhook source, {@code layerwatch.ingest.<source>.token} (and {@code .username} for Basic).
 * A source whose token is unset is disabled. The field names are the source names of
 * {@code dev.layerwatch.ingest.webhook.WebhookSources}; a test keeps the two lists equal.
 */
@ConfigurationProperties("layerwatch.ingest")
public record IngestAuthProperties(
        SourceCredentials distribution,
        SourceCredentials harbor,
        SourceCredentials dockerhub,
        SourceCredentials quay,
        SourceCredentials github,
        SourceCredentials artifactory,
        SourceCredentials acr,
        SourceCredentials ecr,
        SourceCredentials gar) {

    /** {@code token} is the shared secret in whatever form the source's scheme carries it. */
    public record SourceCredentials(String token, String username) {
        public boolean configured() {
            return token != null && !token.isBlank();
        }
    }

    /** The credentials of a source by name, or null when the source has none configured. */
    public SourceCredentials forSource(String source) {
        SourceCredentials credentials = switch (source) {
            case "distribution" -> distribution;
            case "harbor" -> harbor;
            case "dockerhub" -> dockerhub;
            case "quay" -> quay;
            case "github" -> github;
            case "artifactory" -> artifactory;
            case "acr" -> acr;
            case "ecr" -> ecr;
            case "gar" -> gar;
            default -> null;
        };
        return credentials != null && credentials.configured() ? credentials : null;
    }
}
