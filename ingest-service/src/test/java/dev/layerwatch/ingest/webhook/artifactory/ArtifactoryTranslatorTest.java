package dev.layerwatch.ingest.webhook.artifactory;

import static dev.layerwatch.ingest.webhook.WebhookPayloads.delivery;
import static dev.layerwatch.ingest.webhook.WebhookPayloads.deliveryOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerwatch.ingest.webhook.IgnoreReason;
import dev.layerwatch.ingest.webhook.InvalidWebhookException;
import dev.layerwatch.ingest.webhook.Translation;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ArtifactoryTranslatorTest {

    private final ArtifactoryTranslator translator = new ArtifactoryTranslator();

    @Test
    void multiArchPushIsOneIndexEvent() {
        Translation result = translator.translate(delivery("artifactory", "artifactory/docker-pushed.json"));

        assertThat(result.pushes()).singleElement().satisfies(e -> {
            assertThat(e.registry()).isEqualTo("example.jfrog.io");
            assertThat(e.repository()).isEqualTo("docker-remote-cache/library/ubuntu");
            assertThat(e.tag()).isEqualTo("latest");
            assertThat(e.digest()).hasToString("sha256:35c4a2c15539c6c1e4e5fa4e554dac323ad0107d8eb5c582d6ff386b383b7dce");
            assertThat(e.mediaType()).isEqualTo("application/vnd.docker.distribution.manifest.list.v2+json");
        });
    }

    @Test
    void deletesAndOtherDomainsAreIgnored() {
        assertThat(reason("{\"domain\":\"docker\",\"event_type\":\"deleted\"}")).isEqualTo(IgnoreReason.DELETE);
        assertThat(reason("{\"domain\":\"docker\",\"event_type\":\"promoted\"}")).isEqualTo(IgnoreReason.NOT_A_PUSH);
        assertThat(reason("{\"domain\":\"artifact\",\"event_type\":\"deployed\"}")).isEqualTo(IgnoreReason.NOT_A_CONTAINER);
    }

    @Test
    void badDigestIsNamed() {
        String json = new String(dev.layerwatch.ingest.webhook.WebhookPayloads.bytes("artifactory/docker-pushed.json"), StandardCharsets.UTF_8)
                .replace("35c4a2c15539", "zz");
        assertThatThrownBy(() -> translator.translate(deliveryOf("artifactory", json.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(InvalidWebhookException.class).hasMessageContaining("data.sha256");
    }

    private IgnoreReason reason(String json) {
        Translation result = translator.translate(deliveryOf("artifactory", json.getBytes(StandardCharsets.UTF_8)));
        assertThat(result.pushes()).isEmpty();
        return result.ignored().getFirst().reason();
    }
}
