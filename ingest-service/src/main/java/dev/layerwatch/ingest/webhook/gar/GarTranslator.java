package dev.layerwatch.ingest.webhook.gar;

import static dev.layerwatch.ingest.webhook.WebhookJson.object;
import static dev.layerwatch.ingest.webhook.WebhookJson.optionalScalar;
import static dev.layerwatch.ingest.webhook.WebhookJson.optionalText;
import static dev.layerwatch.ingest.webhook.WebhookJson.text;

import dev.layerwatch.common.event.EventJson;
import dev.layerwatch.common.image.ImageReference;
import dev.layerwatch.ingest.webhook.IgnoreReason;
import dev.layerwatch.ingest.webhook.InvalidWebhookException;
import dev.layerwatch.ingest.webhook.PushedArtifacts;
import dev.layerwatch.ingest.webhook.PushedImages;
import dev.layerwatch.ingest.webhook.PushedImages.Field;
import dev.layerwatch.ingest.webhook.Translation;
import dev.layerwatch.ingest.webhook.WebhookDelivery;
import dev.layerwatch.ingest.webhook.WebhookTranslator;
import java.util.Base64;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The sender id is the Pub/Sub message id, which redeliveries keep. A push yields an INSERT with {@code digest}
 * (and {@code tag} when tagged); tagging an existing image yields an INSERT with only {@code tag}.
 */
public final class GarTranslator implements WebhookTranslator {

    @Override
    public Translation translate(WebhookDelivery delivery) {
        JsonNode message = object(delivery.body(), "message", "message");
        String id = optionalScalar(message, "messageId", "message.messageId");
        if (id == null) {
            id = optionalScalar(message, "message_id", "message.message_id");
        }
        if (id == null) {
            throw new InvalidWebhookException("message.messageId", "missing");
        }
        JsonNode data = decode(text(message, "data", "message.data"));
        String action = text(data, "action", "message.data.action");
        if (action.equals("DELETE")) {
            return Translation.ignored(IgnoreReason.DELETE, id);
        }
        if (!action.equals("INSERT")) {
            return Translation.ignored(IgnoreReason.NOT_A_PUSH, id);
        }
        ImageReference byDigest = reference(optionalText(data, "digest", "message.data.digest"), "message.data.digest");
        ImageReference byTag = reference(optionalText(data, "tag", "message.data.tag"), "message.data.tag");
        if (byDigest == null && byTag == null) {
            throw new InvalidWebhookException("message.data.digest", "the message names neither a digest nor a tag");
        }
        ImageReference image = byDigest != null ? byDigest : byTag;
        String tag = byTag != null && byTag.name().equals(image.name()) ? byTag.tag() : null;
        Optional<IgnoreReason> ignore = PushedArtifacts.ignoreReason(null, null, tag);
        if (ignore.isPresent()) {
            return Translation.ignored(ignore.get(), id);
        }
        String field = byDigest != null ? "message.data.digest" : "message.data.tag";
        return Translation.of(PushedImages.create(delivery, id, Field.of(image.registry(), field),
                Field.of(image.repository(), field), Field.of(tag, "message.data.tag"), image.digest(), null));
    }

    private static JsonNode decode(String base64) {
        byte[] json;
        try {
            json = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidWebhookException("message.data", "not base64: " + e.getMessage());
        }
        try {
            JsonNode data = EventJson.mapper().readTree(json);
            if (data == null || !data.isObject()) {
                throw new InvalidWebhookException("message.data", "expected a base64-encoded JSON object");
            }
            return data;
        } catch (JacksonException e) {
            throw new InvalidWebhookException("message.data", "not JSON: " + e.getOriginalMessage());
        }
    }

    private static ImageReference reference(String text, String field) {
        if (text == null) {
            return null;
        }
        try {
            return ImageReference.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidWebhookException(field, e.getMessage());
        }
    }
}
