package dev.layerwatch.ingest.webhook.github;

import static dev.layerwatch.ingest.webhook.WebhookPayloads.delivery;
import static dev.layerwatch.ingest.webhook.WebhookPayloads.deliveryOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerwatch.ingest.webhook.IgnoreReason;
import dev.layerwatch.ingest.webhook.InvalidWebhookException;
import dev.layerwatch.ingest.webhook.Translation;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GitHubTranslatorTest {

    private final GitHubTranslator translator = new GitHubTranslator();

    @Test
    void taggedRegistryPackagePublishIsAGhcrEvent() {
        Translation result = translator.translate(delivery("github", "github/registry-package-published-tagged.json",
                "X-GitHub-Event", "registry_package", "X-GitHub-Delivery", "72d3162e-cc78-11e3-81ab-4c9367dc0958"));

        assertThat(result.pushes()).singleElement().satisfies(e -> {
            assertThat(e.sourceEventId()).isEqualTo("72d3162e-cc78-11e3-81ab-4c9367dc0958");
            assertThat(e.registry()).isEqualTo("ghcr.io");
            assertThat(e.repository()).isEqualTo("codertocat/hello-world");
            assertThat(e.tag()).isEqualTo("1.0");
            assertThat(e.digest()).hasToString("sha256:3da1996a8115d7616457760d9920b815241d0a03b34cf5f04e9a0e9d8de37498");
            assertThat(e.mediaType()).isEqualTo("application/vnd.docker.distribution.manifest.v2+json");
        });
    }

    @Test
    void untaggedVersionsAreChildManifestsAndIgnored() {
        Translation registryPackage = translator.translate(delivery("github", "github/registry-package-published.json",
                "X-GitHub-Event", "registry_package", "X-GitHub-Delivery", "d1"));
        Translation pkg = translator.translate(delivery("github", "github/package-published.json",
                "X-GitHub-Event", "package", "X-GitHub-Delivery", "d2"));

        assertThat(registryPackage.ignored()).extracting(Translation.Ignored::reason).containsExactly(IgnoreReason.UNTAGGED_MANIFEST);
        assertThat(pkg.ignored()).extracting(Translation.Ignored::reason).containsExactly(IgnoreReason.UNTAGGED_MANIFEST);
    }

    @Test
    void pingOtherEventsAndNonContainerPackagesAreIgnored() {
        assertThat(reason("{\"zen\":\"Keep it logically awesome.\"}", "ping")).isEqualTo(IgnoreReason.PING);
        assertThat(reason("{\"action\":\"opened\"}", "issues")).isEqualTo(IgnoreReason.NOT_A_PUSH);
        assertThat(reason("{\"action\":\"deleted\",\"package\":{}}", "package")).isEqualTo(IgnoreReason.NOT_A_PUSH);
        assertThat(reason("{\"action\":\"published\",\"package\":{\"package_type\":\"npm\",\"ecosystem\":\"npm\"}}", "package"))
                .isEqualTo(IgnoreReason.NOT_A_CONTAINER);
    }

    @Test
    void helmChartsAreIgnored() {
        String json = new String(dev.layerwatch.ingest.webhook.WebhookPayloads.bytes("github/registry-package-published-tagged.json"), StandardCharsets.UTF_8)
                .replace("application/vnd.docker.container.image.v1+json", "application/vnd.cncf.helm.config.v1+json");

        assertThat(reason(json, "registry_package")).isEqualTo(IgnoreReason.HELM_CHART);
    }

    @Test
    void missingVersionIsNamed() {
        assertThatThrownBy(() -> translator.translate(deliveryOf("github",
                "{\"action\":\"published\",\"package\":{\"package_type\":\"CONTAINER\"}}".getBytes(StandardCharsets.UTF_8),
                "X-GitHub-Event", "package")))
                .isInstanceOf(InvalidWebhookException.class).hasMessageContaining("package.package_version");
    }

    private IgnoreReason reason(String json, String event) {
        Translation result = translator.translate(deliveryOf("github", json.getBytes(StandardCharsets.UTF_8), "X-GitHub-Event", event));
        assertThat(result.pushes()).isEmpty();
        return result.ignored().getFirst().reason();
    }
}
