package dev.layerwatch.ingest.webhook;

import dev.layerwatch.ingest.auth.AuthScheme;
import dev.layerwatch.ingest.webhook.acr.AcrTranslator;
import dev.layerwatch.ingest.webhook.artifactory.ArtifactoryTranslator;
import dev.layerwatch.ingest.webhook.distribution.DistributionTranslator;
import dev.layerwatch.ingest.webhook.dockerhub.DockerHubTranslator;
import dev.layerwatch.ingest.webhook.ecr.EcrTranslator;
import dev.layerwatch.ingest.webhook.gar.GarTranslator;
import dev.layerwatch.ingest.webhook.github.GitHubTranslator;
import dev.layerwatch.ingest.webhook.harbor.HarborTranslator;
import dev.layerwatch.ingest.webhook.quay.QuayTranslator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one list of webhook flavours. Adding a registry means adding its package and one line here (and its
 * credential field in {@code IngestAuthProperties}); nothing is discovered from the classpath.
 */
public final class WebhookSources {

    private static final String JSON = "application/json";
    private static final Set<AuthScheme> HEADER = Set.of(AuthScheme.AUTHORIZATION_HEADER);
    private static final Set<AuthScheme> URL = Set.of(AuthScheme.URL_SECRET);

    public static final List<WebhookSource> ALL = List.of(
            new WebhookSource("distribution", new DistributionTranslator(), HEADER, Set.of(
                    "application/vnd.docker.distribution.events.v1+json",
                    "application/vnd.docker.distribution.events.v2+json", JSON)),
            new WebhookSource("harbor", new HarborTranslator(), HEADER, Set.of(JSON, "application/cloudevents+json")),
            new WebhookSource("dockerhub", new DockerHubTranslator(), URL, Set.of(JSON)),
            new WebhookSource("quay", new QuayTranslator(), URL, Set.of(JSON)),
            new WebhookSource("github", new GitHubTranslator(), Set.of(AuthScheme.GITHUB_SIGNATURE), Set.of(JSON)),
            new WebhookSource("artifactory", new ArtifactoryTranslator(),
                    Set.of(AuthScheme.AUTHORIZATION_HEADER, AuthScheme.JFROG_SECRET), Set.of(JSON)),
            new WebhookSource("acr", new AcrTranslator(), HEADER, Set.of(JSON)),
            new WebhookSource("ecr", new EcrTranslator(), HEADER, Set.of(JSON)),
            new WebhookSource("gar", new GarTranslator(), URL, Set.of(JSON)));

    private static final Map<String, WebhookSource> BY_NAME = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(WebhookSource::name, Function.identity()));

    private WebhookSources() {
    }

    public static Optional<WebhookSource> byName(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(BY_NAME.get(name));
    }
}
