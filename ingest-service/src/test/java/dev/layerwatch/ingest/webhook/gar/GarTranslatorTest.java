package dev.layerwatch.ingest.webhook.gar;

import static dev.layerwatch.ingest.webhook.WebhookPayloads.delivery;
import static dev.layerwatch.ingest.webhook.WebhookPayloads.deliveryOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerwatch.ingest.webhook.IgnoreReason;
import dev.layerwatch.ingest.webhook.InvalidWebhookException;
import dev.layerwatch.ingest.webhook.Translation;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class GarTranslatorTest {

    private final GarTranslator translator = new GarTranslator();

    @Test
    void pubSubPushEnvelopeIsDecoded() {
        Translation result = translator.translate(delivery("gar", "gar/pubsub-push.json"));

        assertThat(result.pushes()).singleElement().satisfies(e -> {
            assertThat(e.sourceEventId()).isEqualTo("153364794594948");
            assertThat(e.registry()).isEqualTo("us-west1-docker.pkg.dev");
            assertThat(e.repository()).isEqualTo("my-project/my-repo/hello-world");
            assertThat(e.tag()).isEqualTo("1.1");
            assertThat(e.digest()).hasToString("sha256:17f4431497a07da98bc16e599ef9d38afb9817049b6e98b71b7e321b946a24d4");
        });
    }

    @Test
    void tagOnlyInsertIsATagOnlyEventAndDigestOnlyInsertIsAChild() {
        Translation tagOnly = translate("{\"action\":\"INSERT\",\"tag\":\"europe-docker.pkg.dev/p/r/app:2\"}");
        Translation digestOnly = translate("{\"action\":\"INSERT\",\"digest\":\"europe-docker.pkg.dev/p/r/app@sha256:17f4431497a07da98bc16e599ef9d38afb9817049b6e98b71b7e321b946a24d4\"}");

        assertThat(tagOnly.pushes()).singleElement().satisfies(e -> {
            assertThat(e.tag()).isEqualTo("2");
            assertThat(e.digest()).isNull();
        });
        assertThat(digestOnly.ignored()).extracting(Translation.Ignored::reason).containsExactly(IgnoreReason.UNTAGGED_MANIFEST);
    }

    @Test
    void deleteIsIgnored() {
        assertThat(translate("{\"action\":\"DELETE\",\"tag\":\"h.example/p/r:1\"}").ignored())
                .extracting(Translation.Ignored::reason).containsExactly(IgnoreReason.DELETE);
    }

    @Test
    void undecodableDataIsNamed() {
        assertThatThrownBy(() -> envelope("!!not base64!!"))
                .isInstanceOf(InvalidWebhookException.class).hasMessageContaining("message.data");
        assertThatThrownBy(() -> envelope(Base64.getEncoder().encodeToString("[1,2".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(InvalidWebhookException.class).hasMessageContaining("message.data");
        assertThatThrownBy(() -> translate("{\"action\":\"INSERT\",\"digest\":\"not a reference\"}"))
                .isInstanceOf(InvalidWebhookException.class).hasMessageContaining("message.data.digest");
    }

    private Translation translate(String data) {
        return envelope(Base64.getEncoder().encodeToString(data.getBytes(StandardCharsets.UTF_8)));
    }

    private Translation envelope(String base64) {
        String json = "{\"message\":{\"data\":\"" + base64 + "\",\"messageId\":\"42\"},\"subscription\":\"projects/p/subscriptions/s\"}";
        return translator.translate(deliveryOf("gar", json.getBytes(StandardCharsets.UTF_8)));
    }
}
