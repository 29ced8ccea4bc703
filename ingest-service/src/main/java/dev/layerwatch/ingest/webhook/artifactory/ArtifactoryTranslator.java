package dev.layerwatch.ingest.webhook.artifactory;

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
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * {@code data.sha256} is the digest of the manifest file named in {@code data.path}: {@code list.manifest.json}
 * for a multi-arch push (the index), {@code manifest.json} otherwise. No event id is sent, so it is derived from
 * the body.
 */
public final class ArtifactoryTranslator implements WebhookTranslator {

    private static final String INDEX_MEDIA_TYPE = "application/vnd.docker.distribution.manifest.list.v2+json";
    private static final String MANIFEST_MEDIA_TYPE = "application/vnd.docker.distribution.manifest.v2+json";

    @Override
    public Translation translate(WebhookDelivery delivery) {
        JsonNode body = delivery.body();
        String id = WebhookJson.contentId(delivery.rawBody());
        String domain = text(body, "domain", "domain");
        String eventType = text(body, "event_type", "event_type");
        if (!domain.equals("docker")) {
            return Translation.ignored(IgnoreReason.NOT_A_CONTAINER, id);
        }
        switch (eventType) {
            case "pushed" -> { }
            case "deleted" -> { return Translation.ignored(IgnoreReason.DELETE, id); }
            default -> { return Translation.ignored(IgnoreReason.NOT_A_PUSH, id); }
        }
        JsonNode data = object(body, "data", "data");
        String tag = optionalText(data, "tag", "data.tag");
        String fileName = optionalText(data, "name", "data.name");
        String mediaType = "list.manifest.json".equals(fileName) ? INDEX_MEDIA_TYPE : MANIFEST_MEDIA_TYPE;
        Optional<IgnoreReason> ignore = PushedArtifacts.ignoreReason(mediaType, null, tag);
        if (ignore.isPresent()) {
            return Translation.ignored(ignore.get(), id);
        }
        Digest digest = WebhookJson.digest("sha256:" + text(data, "sha256", "data.sha256"), "data.sha256");
        String repoKey = text(data, "repo_key", "data.repo_key");
        String imageName = text(data, "image_name", "data.image_name");
        return Translation.of(PushedImages.create(delivery, id,
                Field.of(host(text(body, "jpd_origin", "jpd_origin")), "jpd_origin"),
                Field.of(repoKey + "/" + imageName, "data.image_name"),
                Field.of(tag, "data.tag"), digest, mediaType));
    }

    private static String host(String origin) {
        try {
            URI uri = new URI(origin);
            if (uri.getHost() == null) {
                throw new InvalidWebhookException("jpd_origin", "expected a URL such as https://example.jfrog.io, got '" + origin + "'");
            }
            return uri.getPort() > 0 ? uri.getHost() + ":" + uri.getPort() : uri.getHost();
        } catch (URISyntaxException e) {
            throw new InvalidWebhookException("jpd_origin", "not a URL: " + e.getMessage());
        }
    }
}
