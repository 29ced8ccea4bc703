package dev.layerwatch.ingest.webhook.harbor;

import static dev.layerwatch.ingest.webhook.WebhookJson.array;
import static dev.layerwatch.ingest.webhook.WebhookJson.object;
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
 * One event per pushed resource. The default format carries no event id, so the id is derived from the body's
 * bytes (Harbor's job service re-sends the same bytes when it retries); CloudEvents deliveries use their {@code id}.
 * Harbor sends a digest string in {@code tag} for pushes by digest: that is treated as untagged.
 */
public final class HarborTranslator implements WebhookTranslator {

    @Override
    public Translation translate(WebhookDelivery delivery) {
        JsonNode body = delivery.body();
        boolean cloudEvents = body.has("specversion");
        String type = text(body, "type", "type");
        String dataField = cloudEvents ? "data" : "event_data";
        String id = cloudEvents ? text(body, "id", "id") : WebhookJson.contentId(delivery.rawBody());
        Optional<IgnoreReason> notAPush = switch (type) {
            case "PUSH_ARTIFACT", "harbor.artifact.pushed" -> Optional.empty();
            case "PULL_ARTIFACT", "harbor.artifact.pulled" -> Optional.of(IgnoreReason.PULL);
            case "DELETE_ARTIFACT", "harbor.artifact.deleted" -> Optional.of(IgnoreReason.DELETE);
            default -> Optional.of(IgnoreReason.NOT_A_PUSH);
        };
        if (notAPush.isPresent()) {
            return Translation.ignored(notAPush.get(), id);
        }
        JsonNode data = object(body, dataField, dataField);
        JsonNode repository = object(data, "repository", dataField + ".repository");
        String repositoryName = text(repository, "repo_full_name", dataField + ".repository.repo_full_name");
        JsonNode resources = array(data, "resources", dataField + ".resources");
        Translation.Builder result = new Translation.Builder();
        int index = 0;
        for (JsonNode resource : resources) {
            String path = dataField + ".resources[" + index + "]";
            String resourceId = resources.size() > 1 ? id + "#" + index : id;
            index++;
            if (!resource.isObject()) {
                throw new InvalidWebhookException(path, "expected an object, got " + resource.getNodeType());
            }
            String tag = optionalText(resource, "tag", path + ".tag");
            if (tag != null && Digest.isDigest(tag)) {
                tag = null;
            }
            Optional<IgnoreReason> ignore = PushedArtifacts.ignoreReason(null, null, tag);
            if (ignore.isPresent()) {
                result.ignore(ignore.get(), resourceId);
                continue;
            }
            Digest digest = WebhookJson.digest(text(resource, "digest", path + ".digest"), path + ".digest");
            String resourceUrl = text(resource, "resource_url", path + ".resource_url");
            int slash = resourceUrl.indexOf('/');
            String host = slash > 0 ? resourceUrl.substring(0, slash) : null;
            result.push(PushedImages.create(delivery, resourceId,
                    Field.of(host, path + ".resource_url"),
                    Field.of(repositoryName, dataField + ".repository.repo_full_name"),
                    Field.of(tag, path + ".tag"), digest, null));
        }
        return result.build();
    }
}
