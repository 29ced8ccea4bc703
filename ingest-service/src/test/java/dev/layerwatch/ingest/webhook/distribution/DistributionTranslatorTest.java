package dev.layerwatch.ingest.webhook.distribution;

import static dev.layerwatch.ingest.webhook.WebhookPayloads.delivery;
import static dev.layerwatch.ingest.webhook.WebhookPayloads.deliveryOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerwatch.common.event.ImagePushed;
import dev.layerwatch.ingest.webhook.IgnoreReason;
import dev.layerwatch.ingest.webhook.InvalidWebhookException;
import dev.layerwatch.ingest.webhook.Translation;
import dev.layerwatch.ingest.webhook.WebhookPayloads;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DistributionTranslatorTest {

    private final DistributionTranslator translator = new DistributionTranslator();

    @Test
    void taggedOciManifestPushIsOneEventForRequestHost() {
        Translation result = translator.translate(delivery("distribution", "distribution/manifest-push-oci.json"));

        assertThat(result.ignored()).isEmpty();
        ImagePushed event = result.pushes().getFirst();
        assertThat(result.pushes()).hasSize(1);
        assertThat(event.source()).isEqualTo("distribution");
        assertThat(event.sourceEventId()).isEqualTo("955868b8-5334-4f56-88f0-3d989f488951");
        assertThat(event.registry()).isEqualTo("127.0.0.1:5000");
        assertThat(event.repository()).isEqualTo("debian-base");
        assertThat(event.tag()).isEqualTo("bookworm");
        assertThat(event.digest()).hasToString("sha256:4799bd67c2bd50b9677e8fc13b78afdd341d80727e5dce3f93b77782166fb0d5");
        assertThat(event.mediaType()).isEqualTo("application/vnd.oci.image.manifest.v1+json");
        assertThat(event.receivedAt()).isEqualTo(WebhookPayloads.RECEIVED_AT);
        assertThat(event.key()).isEqualTo("127.0.0.1:5000/debian-base@sha256:4799bd67c2bd50b9677e8fc13b78afdd341d80727e5dce3f93b77782166fb0d5");
    }

    @Test
    void dockerV2Schema2ManifestIsAnImage() {
        Translation result = translator.translate(delivery("distribution", "distribution/manifest-push-docker-v2s2.json"));

        assertThat(result.pushes()).singleElement().satisfies(e -> {
            assertThat(e.tag()).isEqualTo("1.0-docker");
            assertThat(e.mediaType()).isEqualTo("application/vnd.docker.distribution.manifest.v2+json");
        });
    }

    @Test
    void indexPushIsOneEventAndItsUntaggedChildIsIgnored() {
        Translation index = translator.translate(delivery("distribution", "distribution/index-push.json"));
        Translation child = translator.translate(delivery("distribution", "distribution/untagged-child-manifest.json"));

        assertThat(index.pushes()).singleElement().satisfies(e -> {
            assertThat(e.repository()).isEqualTo("multiarch");
            assertThat(e.tag()).isEqualTo("1.0");
            assertThat(e.mediaType()).isEqualTo("application/vnd.oci.image.index.v1+json");
        });
        assertThat(child.pushes()).isEmpty();
        assertThat(child.ignored()).extracting(Translation.Ignored::reason).containsExactly(IgnoreReason.UNTAGGED_MANIFEST);
    }

    @ParameterizedTest
    @CsvSource({
            "distribution/blob-push.json, BLOB",
            "distribution/pull.json, PULL",
            "distribution/retried-pull.json, PULL",
            "distribution/mount.json, MOUNT",
            "distribution/delete-by-digest.json, DELETE",
            "distribution/delete-by-tag.json, DELETE"})
    void nonImagePushesAreIgnoredWithTheirReason(String payload, IgnoreReason reason) {
        Translation result = translator.translate(delivery("distribution", payload));

        assertThat(result.pushes()).isEmpty();
        assertThat(result.ignored()).extracting(Translation.Ignored::reason).containsExactly(reason);
    }

    @Test
    void everyEventOfTheEnvelopeIsRead() {
        Translation result = translator.translate(delivery("distribution", "distribution/doc-notification-two-events.json"));

        assertThat(result.pushes()).singleElement().satisfies(e -> {
            assertThat(e.sourceEventId()).isEqualTo("asdf-asdf-asdf-asdf-0");
            assertThat(e.registry()).isEqualTo("registrycluster.local");
            assertThat(e.repository()).isEqualTo("library/test");
        });
        assertThat(result.ignored()).extracting(Translation.Ignored::reason).containsExactly(IgnoreReason.BLOB);
    }

    @Test
    void signatureTagsAndArtifactTypesAreIgnored() {
        String cosign = envelope("\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"tag\":\"sha256-4799bd67c2bd50b9677e8fc13b78afdd341d80727e5dce3f93b77782166fb0d5.sig\"");
        String sbom = envelope("\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"tag\":\"sbom\","
                + "\"artifactType\":\"application/spdx+json\"");
        String helm = envelope("\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"tag\":\"0.1.0\","
                + "\"artifactType\":\"application/vnd.cncf.helm.config.v1+json\"");
        String schema1 = envelope("\"mediaType\":\"application/vnd.docker.distribution.manifest.v1+prettyjws\",\"tag\":\"old\"");

        assertThat(reasons(cosign)).containsExactly(IgnoreReason.SIGNATURE_OR_ATTESTATION);
        assertThat(reasons(sbom)).containsExactly(IgnoreReason.SIGNATURE_OR_ATTESTATION);
        assertThat(reasons(helm)).containsExactly(IgnoreReason.HELM_CHART);
        assertThat(reasons(schema1)).containsExactly(IgnoreReason.NON_IMAGE_MEDIA_TYPE);
    }

    @Test
    void missingOrBadFieldsAreNamed() {
        assertThatThrownBy(() -> translate("{}"))
                .isInstanceOf(InvalidWebhookException.class).hasMessageContaining("'events'");
        // one unreadable event is recorded as invalid (with its raw JSON), not a failure of the envelope
        assertThat(invalid(envelope("\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"tag\":\"1\",\"digest\":null")))
                .contains("events[0].target.digest");
        assertThat(invalid(envelope("\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"tag\":\"1\",\"digest\":\"sha256:abc\"")))
                .contains("events[0].target.digest");
        assertThat(invalid(envelope("\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"tag\":\"1\",\"repository\":\"Upper\"")))
                .contains("events[0].target.repository");
        assertThat(invalid("{\"events\":[{\"id\":\"x\",\"action\":\"push\"}]}")).contains("events[0].target");
        assertThat(invalid("{\"events\":[{\"action\":\"push\"}]}")).contains("events[0].id");
        Translation.Invalid raw = translate("{\"events\":[{\"id\":\"x\",\"action\":\"push\"}]}").invalid().getFirst();
        assertThat(raw.senderEventId()).isEqualTo("x");
        assertThat(raw.rawEvent()).isEqualTo("{\"id\":\"x\",\"action\":\"push\"}");
        assertThatThrownBy(() -> translate("{\"events\":{}}"))
                .isInstanceOf(InvalidWebhookException.class).hasMessageContaining("'events'");
    }

    @Test
    void emptyEnvelopeMeansNothing() {
        Translation result = translate("{\"events\":[]}");

        assertThat(result.pushes()).isEmpty();
        assertThat(result.ignored()).isEmpty();
    }

    private Translation translate(String json) {
        return translator.translate(deliveryOf("distribution", json.getBytes(StandardCharsets.UTF_8)));
    }

    /** The reason of the one invalid event of a delivery with nothing else in it. */
    private String invalid(String json) {
        Translation translation = translate(json);
        assertThat(translation.pushes()).isEmpty();
        assertThat(translation.invalid()).hasSize(1);
        return translation.invalid().getFirst().reason();
    }

    private java.util.List<IgnoreReason> reasons(String json) {
        Translation result = translate(json);
        assertThat(result.pushes()).isEmpty();
        return result.ignored().stream().map(Translation.Ignored::reason).toList();
    }

    /** One push event with the given target fields, digest and repository defaulted unless overridden. */
    private static String envelope(String targetFields) {
        String target = targetFields;
        if (!target.contains("\"digest\"")) {
            target += ",\"digest\":\"sha256:4799bd67c2bd50b9677e8fc13b78afdd341d80727e5dce3f93b77782166fb0d5\"";
        }
        if (!target.contains("\"repository\"")) {
            target += ",\"repository\":\"app\"";
        }
        return "{\"events\":[{\"id\":\"e1\",\"action\":\"push\",\"target\":{" + target + "},"
                + "\"request\":{\"host\":\"127.0.0.1:5000\"}}]}";
    }
}
