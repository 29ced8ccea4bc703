package dev.layerwatch.ingest.webhook.ecr;

import static dev.layerwatch.ingest.webhook.WebhookJson.object;
import static dev.layerwatch.ingest.webhook.WebhookJson.optionalText;
import static dev.layerwatch.ingest.webhook.WebhookJson.text;

import dev.layerwatch.common.image.Digest;
import dev.layerwatch.ingest.webhook.IgnoreReason;
import dev.layerwatch.ingest.webhook.PushedArtifacts;
import dev.layerwatch.ingest.webhook.PushedImages;
import dev.layerwatch.ingest.webhook.PushedImages.Field;
import dev.layerwatch.ingest.webhook.Translation;
import dev.layerwatch.ingest.webhook.WebhookDelivery;
import dev.layerwatch.ingest.webhook.WebhookJson;
import dev.layerwatch.ingest.webhook.WebhookTranslator;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * {@code detail.image-tag} is absent for a push by digest; newer events add {@code manifest-media-type} and
 * {@code artifact-media-type}, which feed the shared index/child and artifact rules when present.
 */
public final class EcrTranslator implements WebhookTranslator {

    @Override
    public Translation translate(WebhookDelivery delivery) {
        JsonNode body = delivery.body();
        String id = text(body, "id", "id");
        if (!"ECR Image Action".equals(text(body, "detail-type", "detail-type"))) {
            return Translation.ignored(IgnoreReason.NOT_A_PUSH, id);
        }
        JsonNode detail = object(body, "detail", "detail");
        String action = text(detail, "action-type", "detail.action-type");
        if (action.equals("DELETE")) {
            return Translation.ignored(IgnoreReason.DELETE, id);
        }
        if (!action.equals("PUSH")) {
            return Translation.ignored(IgnoreReason.NOT_A_PUSH, id);
        }
        if (!"SUCCESS".equals(optionalText(detail, "result", "detail.result"))) {
            return Translation.ignored(IgnoreReason.PUSH_FAILED, id);
        }
        String tag = optionalText(detail, "image-tag", "detail.image-tag");
        String mediaType = optionalText(detail, "manifest-media-type", "detail.manifest-media-type");
        String artifactType = optionalText(detail, "artifact-media-type", "detail.artifact-media-type");
        Optional<IgnoreReason> ignore = PushedArtifacts.ignoreReason(mediaType, artifactType, tag);
        if (ignore.isPresent()) {
            return Translation.ignored(ignore.get(), id);
        }
        Digest digest = WebhookJson.digest(text(detail, "image-digest", "detail.image-digest"), "detail.image-digest");
        String host = text(body, "account", "account") + ".dkr.ecr." + text(body, "region", "region") + ".amazonaws.com";
        return Translation.of(PushedImages.create(delivery, id, Field.of(host, "account"),
                Field.of(optionalText(detail, "repository-name", "detail.repository-name"), "detail.repository-name"),
                Field.of(tag, "detail.image-tag"), digest, mediaType));
    }
}
