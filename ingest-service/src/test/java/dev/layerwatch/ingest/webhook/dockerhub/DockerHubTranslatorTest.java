package dev.layerwatch.ingest.webhook.dockerhub;

import static dev.layerwatch.ingest.webhook.WebhookPayloads.delivery;
import static dev.layerwatch.ingest.webhook.WebhookPayloads.deliveryOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerwatch.ingest.webhook.InvalidWebhookException;
import dev.layerwatch.ingest.webhook.Translation;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DockerHubTranslatorTest {

    private final DockerHubTranslator translator = new DockerHubTranslator();

    @Test
    void pushIsATagOnlyEventOnDockerIo() {
        Translation result = translator.translate(delivery("dockerhub", "dockerhub/push.json"));

        assertThat(result.pushes()).singleElement().satisfies(e -> {
            assertThat(e.registry()).isEqualTo("docker.io");
            assertThat(e.repository()).isEqualTo("svendowideit/testhook");
            assertThat(e.tag()).isEqualTo("latest");
            assertThat(e.digest()).isNull();
            assertThat(e.key()).isEqualTo("docker.io/svendowideit/testhook:latest");
        });
    }

    @Test
    void officialImagesGetTheLibraryNamespace() {
        Translation result = translate("{\"push_data\":{\"tag\":\"3.20\"},\"repository\":{\"repo_name\":\"alpine\"}}");

        assertThat(result.pushes().getFirst().repository()).isEqualTo("library/alpine");
    }

    @Test
    void missingFieldsAreNamed() {
        assertThatThrownBy(() -> translate("{\"repository\":{\"repo_name\":\"a/b\"}}"))
                .isInstanceOf(InvalidWebhookException.class).hasMessageContaining("push_data");
        assertThatThrownBy(() -> translate("{\"push_data\":{\"tag\":\"x\"},\"repository\":{\"repo_name\":7}}"))
                .isInstanceOf(InvalidWebhookException.class).hasMessageContaining("repository.repo_name");
    }

    private Translation translate(String json) {
        return translator.translate(deliveryOf("dockerhub", json.getBytes(StandardCharsets.UTF_8)));
    }
}
