package dev.layerwatch.ingest.webhook.dockerhub;

import static dev.layerwatch.ingest.webhook.WebhookJson.object;
import static dev.layerwatch.ingest.webhook.WebhookJson.text;

import dev.layerwatch.common.image.ImageReference;
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

/** {@code repository.repo_name} + {@code push_data.tag}; the id is derived from the body (Hub sends none). */
public final class DockerHubTranslator implements WebhookTranslator {

    @Override
    public Translation translate(WebhookDelivery delivery) {
        JsonNode body = delivery.body();
        String id = WebhookJson.contentId(delivery.rawBody());
        JsonNode pushData = object(body, "push_data", "push_data");
        JsonNode repository = object(body, "repository", "repository");
        String tag = text(pushData, "tag", "push_data.tag");
        String repoName = text(repository, "repo_name", "repository.repo_name");
        Optional<IgnoreReason> ignore = PushedArtifacts.ignoreReason(null, null, tag);
        if (ignore.isPresent()) {
            return Translation.ignored(ignore.get(), id);
        }
        String repositoryPath = repoName.contains("/") ? repoName : "library/" + repoName;
        return Translation.of(PushedImages.create(delivery, id,
                Field.of(ImageReference.DOCKER_HUB, "repository.repo_name"),
                Field.of(repositoryPath, "repository.repo_name"),
                Field.of(tag, "push_data.tag"), null, null));
    }
}
