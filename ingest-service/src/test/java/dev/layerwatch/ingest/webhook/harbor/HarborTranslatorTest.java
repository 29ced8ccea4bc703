package dev.layerwatch.ingest.webhook.harbor;

import static dev.layerwatch.ingest.webhook.WebhookPayloads.delivery;
import static dev.layerwatch.ingest.webhook.WebhookPayloads.deliveryOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerwatch.ingest.webhook.IgnoreReason;
import dev.layerwatch.ingest.webhook.InvalidWebhookException;
import dev.layerwatch.ingest.webhook.Translation;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HarborTranslatorTest {

    private final HarborTranslator translator = new HarborTranslator();

    @Test
    void defaultPayloadPushIsOneEventWithABodyDerivedId() {
        Translation first = translator.translate(delivery("harbor", "harbor/push-artifact.json"));
        Translation again = translator.translate(delivery("harbor", "harbor/push-artifact.json"));

        assertThat(first.pushes()).singleElement().satisfies(e -> {
            assertThat(e.registry()).isEqualTo("hub.harbor.com");
            assertThat(e.repository()).isEqualTo("test-webhook/debian");
            assertThat(e.tag()).isEqualTo("latest");
            assertThat(e.digest()).hasToString("sha256:8a9e9863dbb6e10edb5adfe917c00da84e1700fa76e7ed02476aa6e6fb8ee0d8");
            assertThat(e.sourceEventId()).startsWith("sha256-");
        });
        assertThat(again.pushes().getFirst().sourceEventId()).isEqualTo(first.pushes().getFirst().sourceEventId());
    }

    @Test
    void cloudEventsPushUsesTheEventId() {
        Translation result = translator.translate(delivery("harbor", "harbor/push-artifact-cloudevents.json"));

        assertThat(result.pushes()).singleElement().satisfies(e -> {
            assertThat(e.sourceEventId()).isEqualTo("4b2f89a6-548d-4c12-9993-a1f5790b97d2");
            assertThat(e.registry()).isEqualTo("hub.harbor.com");
            assertThat(e.repository()).isEqualTo("test-webhook/debian");
        });
    }

    @Test
    void pullsDeletesAndScanEventsAreIgnored() {
        assertThat(reason("{\"type\":\"PULL_ARTIFACT\"}")).isEqualTo(IgnoreReason.PULL);
        assertThat(reason("{\"type\":\"DELETE_ARTIFACT\"}")).isEqualTo(IgnoreReason.DELETE);
        assertThat(reason("{\"type\":\"SCANNING_COMPLETED\"}")).isEqualTo(IgnoreReason.NOT_A_PUSH);
        assertThat(reason("{\"specversion\":\"1.0\",\"id\":\"x\",\"type\":\"harbor.artifact.pulled\"}")).isEqualTo(IgnoreReason.PULL);
    }

    @Test
    void aDigestInTheTagFieldMeansUntagged() {
        String json = "{\"type\":\"PUSH_ARTIFACT\",\"event_data\":{\"resources\":[{\"digest\":\"sha256:8a9e9863dbb6e10edb5adfe917c00da84e1700fa76e7ed02476aa6e6fb8ee0d8\","
                + "\"tag\":\"sha256:8a9e9863dbb6e10edb5adfe917c00da84e1700fa76e7ed02476aa6e6fb8ee0d8\",\"resource_url\":\"h.example/p/r@sha256:8a\"}],"
                + "\"repository\":{\"repo_full_name\":\"p/r\"}}}";

        assertThat(reason(json)).isEqualTo(IgnoreReason.UNTAGGED_MANIFEST);
    }

    @Test
    void missingFieldsAreNamed() {
        assertThatThrownBy(() -> translate("{\"type\":\"PUSH_ARTIFACT\"}")).isInstanceOf(InvalidWebhookException.class).hasMessageContaining("event_data");
        assertThatThrownBy(() -> translate("{\"type\":\"PUSH_ARTIFACT\",\"event_data\":{\"resources\":[{\"tag\":\"1\"}],\"repository\":{\"repo_full_name\":\"p/r\"}}}"))
                .isInstanceOf(InvalidWebhookException.class).hasMessageContaining("event_data.resources[0].digest");
        assertThatThrownBy(() -> translate("{}")).isInstanceOf(InvalidWebhookException.class).hasMessageContaining("'type'");
    }

    private Translation translate(String json) {
        return translator.translate(deliveryOf("harbor", json.getBytes(StandardCharsets.UTF_8)));
    }

    private IgnoreReason reason(String json) {
        Translation result = translate(json);
        assertThat(result.pushes()).isEmpty();
        return result.ignored().getFirst().reason();
    }
}
