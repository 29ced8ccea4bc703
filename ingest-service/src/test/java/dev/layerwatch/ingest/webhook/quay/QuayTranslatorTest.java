package dev.layerwatch.ingest.webhook.quay;

import static dev.layerwatch.ingest.webhook.WebhookPayloads.delivery;
import static dev.layerwatch.ingest.webhook.WebhookPayloads.deliveryOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerwatch.common.event.ImagePushed;
import dev.layerwatch.ingest.webhook.InvalidWebhookException;
import dev.layerwatch.ingest.webhook.Translation;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class QuayTranslatorTest {

    private final QuayTranslator translator = new QuayTranslator();

    @Test
    void repoPushIsATagOnlyEventPerTag() {
        Translation result = translator.translate(delivery("quay", "quay/repo-push.json"));

        assertThat(result.pushes()).singleElement().satisfies(e -> {
            assertThat(e.registry()).isEqualTo("quay.io");
            assertThat(e.repository()).isEqualTo("dgangaia/test");
            assertThat(e.tag()).isEqualTo("latest");
            assertThat(e.digest()).isNull();
        });
    }

    @Test
    void legacyTagMapGivesOneEventPerTagWithDistinctIds() {
        Translation result = translator.translate(delivery("quay", "quay/repo-push-legacy-map.json"));

        assertThat(result.pushes()).extracting(ImagePushed::tag).containsExactlyInAnyOrder("latest", "v2");
        assertThat(result.pushes()).extracting(ImagePushed::sourceEventId).doesNotHaveDuplicates();
    }

    @Test
    void badDockerUrlAndTagsAreNamed() {
        assertThatThrownBy(() -> translate("{\"docker_url\":\"quay.io\",\"updated_tags\":[\"a\"]}"))
                .isInstanceOf(InvalidWebhookException.class).hasMessageContaining("docker_url");
        assertThatThrownBy(() -> translate("{\"docker_url\":\"quay.io/a/b\",\"updated_tags\":\"a\"}"))
                .isInstanceOf(InvalidWebhookException.class).hasMessageContaining("updated_tags");
        assertThatThrownBy(() -> translate("{\"docker_url\":\"quay.io/a/b\",\"updated_tags\":[\"bad tag\"]}"))
                .isInstanceOf(InvalidWebhookException.class).hasMessageContaining("updated_tags");
    }

    private Translation translate(String json) {
        return translator.translate(deliveryOf("quay", json.getBytes(StandardCharsets.UTF_8)));
    }
}
