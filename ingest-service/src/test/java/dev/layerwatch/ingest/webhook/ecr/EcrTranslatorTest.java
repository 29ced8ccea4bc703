package dev.layerwatch.ingest.webhook.ecr;

import static dev.layerwatch.ingest.webhook.WebhookPayloads.delivery;
import static dev.layerwatch.ingest.webhook.WebhookPayloads.deliveryOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerwatch.ingest.webhook.IgnoreReason;
import dev.layerwatch.ingest.webhook.InvalidWebhookException;
import dev.layerwatch.ingest.webhook.Translation;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EcrTranslatorTest {

    private final EcrTranslator translator = new EcrTranslator();

    @Test
    void successfulPushIsOneEventForTheAccountRegistry() {
        Translation result = translator.translate(delivery("ecr", "ecr/image-push.json"));

        assertThat(result.pushes()).singleElement().satisfies(e -> {
            assertThat(e.sourceEventId()).isEqualTo("13cde686-328b-6117-af20-0e5566167482");
            assertThat(e.registry()).isEqualTo("123456789012.dkr.ecr.us-west-2.amazonaws.com");
            assertThat(e.repository()).isEqualTo("my-repository-name");
            assertThat(e.tag()).isEqualTo("latest");
        });
    }

    @Test
    void theDocumentedSamplesShortDigestIsRejectedByName() {
        assertThatThrownBy(() -> translator.translate(delivery("ecr", "ecr/image-push-doc.json")))
                .isInstanceOf(InvalidWebhookException.class).hasMessageContaining("detail.image-digest");
    }

    @Test
    void failuresDeletesScansAndUntaggedPushesAreIgnored() {
        String push = new String(dev.layerwatch.ingest.webhook.WebhookPayloads.bytes("ecr/image-push.json"), StandardCharsets.UTF_8);

        assertThat(reason(push.replace("\"SUCCESS\"", "\"FAILURE\""))).isEqualTo(IgnoreReason.PUSH_FAILED);
        assertThat(reason(push.replace("\"PUSH\"", "\"DELETE\""))).isEqualTo(IgnoreReason.DELETE);
        assertThat(reason(push.replace("ECR Image Action", "ECR Image Scan"))).isEqualTo(IgnoreReason.NOT_A_PUSH);
        assertThat(reason(push.replace("\"image-tag\": \"latest\"", "\"manifest-media-type\": \"application/vnd.oci.image.manifest.v1+json\"")))
                .isEqualTo(IgnoreReason.UNTAGGED_MANIFEST);
    }

    @Test
    void untaggedIndexPushIsScanned() {
        String push = new String(dev.layerwatch.ingest.webhook.WebhookPayloads.bytes("ecr/image-push.json"), StandardCharsets.UTF_8)
                .replace("\"image-tag\": \"latest\"", "\"manifest-media-type\": \"application/vnd.oci.image.index.v1+json\"");

        Translation result = translator.translate(deliveryOf("ecr", push.getBytes(StandardCharsets.UTF_8)));

        assertThat(result.pushes()).singleElement().satisfies(e -> assertThat(e.tag()).isNull());
    }

    private IgnoreReason reason(String json) {
        Translation result = translator.translate(deliveryOf("ecr", json.getBytes(StandardCharsets.UTF_8)));
        assertThat(result.pushes()).isEmpty();
        return result.ignored().getFirst().reason();
    }
}
