package dev.layerwatch.ingest.webhook.distribution;

import static dev.layerwatch.ingest.webhook.WebhookJson.array;
import static dev.layerwatch.ingest.webhook.WebhookJson.object;
import static dev.layerwatch.ingest.webhook.WebhookJson.optionalObject;
import static dev.layerwatch.ingest.webhook.WebhookJson.optionalText;
import static dev.layerwatch.ingest.webhook.WebhookJson.text;

import dev.layerwatch.common.image.Digest;
import dev.layerwatch.ingest.webhook.IgnoreReason;
import dev.layerwatch.ingest.webhook.InvalidWebhookException;
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
 * Reads every event of the envelope (one request may carry several unrelated events). Blob pushes, pulls, mounts
 * and deletes are dropped with their reason; fields are only required for the events that become image pushes.
 */
public final class DistributionTranslator implements WebhookTranslator {

    @Override
    public Translation translate(WebhookDelivery delivery) {
        JsonNode events = array(delivery.body(), "events", "events");
        Translation.Builder result = new Translation.Builder();
        int index = 0;
        for (JsonNode event : events) {
            String path = "events[" + index++ + "]";
            // one unreadable event is recorded and skipped: failing the envelope would make the registry resend it
            // forever, and every later notification of that registry waits behind it
            try {
                event(delivery, event, path, result);
            } catch (InvalidWebhookException e) {
                String id = event.isObject() && event.path("id").isString() ? event.path("id").asString() : null;
                result.invalid(id, e.getMessage(), event.toString());
            }
        }
        return result.build();
    }

    private static void event(WebhookDelivery delivery, JsonNode event, String path, Translation.Builder result) {
        if (!event.isObject()) {
            throw new InvalidWebhookException(path, "expected an object, got " + event.getNodeType());
        }
        String id = text(event, "id", path + ".id");
        String action = text(event, "action", path + ".action");
        switch (action) {
            case "push" -> push(delivery, event, path, id, result);
            case "pull" -> result.ignore(IgnoreReason.PULL, id);
            case "mount" -> result.ignore(IgnoreReason.MOUNT, id);
            case "delete" -> result.ignore(IgnoreReason.DELETE, id);
            default -> result.ignore(IgnoreReason.NOT_A_PUSH, id);
        }
    }

    private static void push(WebhookDelivery delivery, JsonNode event, String path, String id, Translation.Builder result) {
        JsonNode target = object(event, "target", path + ".target");
        String mediaType = optionalText(target, "mediaType", path + ".target.mediaType");
        String artifactType = optionalText(target, "artifactType", path + ".target.artifactType");
        String tag = optionalText(target, "tag", path + ".target.tag");
        Optional<IgnoreReason> ignore = PushedArtifacts.ignoreReason(mediaType, artifactType, tag);
        if (ignore.isPresent()) {
            result.ignore(ignore.get(), id);
            return;
        }
        Digest digest = WebhookJson.digest(text(target, "digest", path + ".target.digest"), path + ".target.digest");
        JsonNode request = optionalObject(event, "request", path + ".request");
        String host = optionalText(request, "host", path + ".request.host");
        result.push(PushedImages.create(delivery, id,
                Field.of(host, path + ".request.host"),
                Field.of(optionalText(target, "repository", path + ".target.repository"), path + ".target.repository"),
                Field.of(tag, path + ".target.tag"),
                digest, mediaType));
    }
}
