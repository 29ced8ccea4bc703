package dev.layerwatch.ingest.webhook.acr;

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

/** {@code target} carries the manifest's media type, digest, repository and tag like distribution's. */
public final class AcrTranslator implements WebhookTranslator {

    @Override
    public Translation translate(WebhookDelivery delivery) {
        JsonNode body = delivery.body();
        String id = text(body, "id", "id");
        String action = text(body, "action", "action");
        switch (action) {
            case "push" -> { }
            case "chart_push" -> { return Translation.ignored(IgnoreReason.HELM_CHART, id); }
            case "delete", "chart_delete" -> { return Translation.ignored(IgnoreReason.DELETE, id); }
            default -> { return Translation.ignored(IgnoreReason.NOT_A_PUSH, id); }
        }
        JsonNode target = object(body, "target", "target");
        String mediaType = optionalText(target, "mediaType", "target.mediaType");
        String tag = optionalText(target, "tag", "target.tag");
        Optional<IgnoreReason> ignore = PushedArtifacts.ignoreReason(mediaType,
                optionalText(target, "artifactType", "target.artifactType"), tag);
        if (ignore.isPresent()) {
            return Translation.ignored(ignore.get(), id);
        }
        Digest digest = WebhookJson.digest(text(target, "digest", "target.digest"), "target.digest");
        JsonNode request = object(body, "request", "request");
        return Translation.of(PushedImages.create(delivery, id,
                Field.of(optionalText(request, "host", "request.host"), "request.host"),
                Field.of(optionalText(target, "repository", "target.repository"), "target.repository"),
                Field.of(tag, "target.tag"), digest, mediaType));
    }
}
