package dev.layerwatch.ingest.webhook.acr;

import static dev.layerwatch.ingest.webhook.WebhookPayloads.delivery;
import static dev.layerwatch.ingest.webhook.WebhookPayloads.deliveryOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerwatch.ingest.webhook.IgnoreReason;
import dev.layerwatch.ingest.webhook.InvalidWebhookException;
import dev.layerwatch.ingest.webhook.Translation;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AcrTranslatorTest {

    private final AcrTranslator translator = new AcrTranslator();

    @Test
    void pushIsOneEventForTheRequestHost() {
        Translation result = translator.translate(delivery("acr", "acr/push.json"));

        assertThat(result.pushes()).singleElement().satisfies(e -> {
            assertThat(e.sourceEventId()).isEqualTo("cb8c3971-9adc-488b-xxxx-43cbb4974ff5");
            assertThat(e.registry()).isEqualTo("myregistry.azurecr.io");
            assertThat(e.repository()).isEqualTo("hello-world");
            assertThat(e.tag()).isEqualTo("v1");
            assertThat(e.digest()).hasToString("sha256:0a1bd5c8786bb9e621a45ece0db7a5a1cdc624ad20da9fe62e9d25490f33e7b2");
        });
    }

    @Test
    void maskedDigestOfTheDocumentedSampleIsRejectedByName() {
        assertThatThrownBy(() -> translator.translate(delivery("acr", "acr/push-masked.json")))
                .isInstanceOf(InvalidWebhookException.class).hasMessageContaining("target.digest");
    }

    @Test
    void chartsDeletesAndQuarantineAreIgnored() {
        assertThat(reason("chart_push")).isEqualTo(IgnoreReason.HELM_CHART);
        assertThat(reason("delete")).isEqualTo(IgnoreReason.DELETE);
        assertThat(reason("chart_delete")).isEqualTo(IgnoreReason.DELETE);
        assertThat(reason("quarantine")).isEqualTo(IgnoreReason.NOT_A_PUSH);
    }

    private IgnoreReason reason(String action) {
        String json = "{\"id\":\"1\",\"action\":\"" + action + "\",\"target\":{\"name\":\"chart\",\"version\":\"1\"}}";
        Translation result = translator.translate(deliveryOf("acr", json.getBytes(StandardCharsets.UTF_8)));
        assertThat(result.pushes()).isEmpty();
        return result.ignored().getFirst().reason();
    }
}
