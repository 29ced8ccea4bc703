package dev.layerwatch.ingest.webhook.quay;

import static dev.layerwatch.ingest.webhook.WebhookJson.text;

import dev.layerwatch.ingest.webhook.IgnoreReason;
import dev.layerwatch.ingest.webhook.InvalidWebhookException;
import dev.layerwatch.ingest.webhook.PushedArtifacts;
import dev.layerwatch.ingest.webhook.PushedImages;
import dev.layerwatch.ingest.webhook.PushedImages.Field;
import dev.layerwatch.ingest.webhook.Translation;
import dev.layerwatch.ingest.webhook.WebhookDelivery;
import dev.layerwatch.ingest.webhook.WebhookJson;
import dev.layerwatch.ingest.webhook.WebhookTranslator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * {@code updated_tags} is a list in current Quay and a {@code {tag: image_id}} map in older quay.io payloads;
 * both are read. Ids are derived from the body plus the tag.
 */
public final class QuayTranslator implements WebhookTranslator {

    @Override
    public Translation translate(WebhookDelivery delivery) {
        JsonNode body = delivery.body();
        String dockerUrl = text(body, "docker_url", "docker_url");
        int slash = dockerUrl.indexOf('/');
        if (slash <= 0 || slash == dockerUrl.length() - 1) {
            throw new InvalidWebhookException("docker_url", "expected host/namespace/name, got '" + dockerUrl + "'");
        }
        String host = dockerUrl.substring(0, slash);
        String repository = dockerUrl.substring(slash + 1);
        String baseId = WebhookJson.contentId(delivery.rawBody());
        Translation.Builder result = new Translation.Builder();
        for (String tag : updatedTags(body)) {
            String id = baseId + "#" + tag;
            Optional<IgnoreReason> ignore = PushedArtifacts.ignoreReason(null, null, tag);
            if (ignore.isPresent()) {
                result.ignore(ignore.get(), id);
                continue;
            }
            result.push(PushedImages.create(delivery, id, Field.of(host, "docker_url"), Field.of(repository, "docker_url"),
                    Field.of(tag, "updated_tags"), null, null));
        }
        return result.build();
    }

    private static List<String> updatedTags(JsonNode body) {
        JsonNode tags = body.get("updated_tags");
        if (tags == null || tags.isNull()) {
            throw new InvalidWebhookException("updated_tags", "missing");
        }
        List<String> names = new ArrayList<>();
        if (tags.isArray()) {
            int index = 0;
            for (JsonNode tag : tags) {
                names.add(WebhookJson.element(tag, "updated_tags[" + index++ + "]"));
            }
        } else if (tags.isObject()) {
            names.addAll(tags.propertyNames());
        } else {
            throw new InvalidWebhookException("updated_tags", "expected a list of tags or a map of tag to image id");
        }
        return names;
    }
}
