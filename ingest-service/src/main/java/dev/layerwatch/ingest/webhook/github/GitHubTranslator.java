package dev.layerwatch.ingest.webhook.github;

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
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The digest is the package version's name ({@code sha256:…}, what GHCR lists as the version), falling back to
 * {@code container_metadata.manifest.digest}. GHCR names are lower-case whatever the owner's login looks like,
 * so the repository is lower-cased. A multi-arch push sends one delivery per platform manifest (untagged) and one
 * for the index; the untagged platform manifests are dropped like any other untagged child.
 */
public final class GitHubTranslator implements WebhookTranslator {

    private static final String GHCR = "ghcr.io";
    private static final Set<String> CONTAINER_TYPES = Set.of("container", "docker");

    @Override
    public Translation translate(WebhookDelivery delivery) {
        String event = delivery.header("X-GitHub-Event");
        String delivered = delivery.header("X-GitHub-Delivery");
        String id = delivered != null && !delivered.isBlank() ? delivered : WebhookJson.contentId(delivery.rawBody());
        if ("ping".equals(event)) {
            return Translation.ignored(IgnoreReason.PING, id);
        }
        String root;
        if ("registry_package".equals(event) || "package".equals(event)) {
            root = event;
        } else if (event == null && delivery.body().has("registry_package")) {
            root = "registry_package";
        } else if (event == null && delivery.body().has("package")) {
            root = "package";
        } else {
            return Translation.ignored(IgnoreReason.NOT_A_PUSH, id);
        }
        String action = text(delivery.body(), "action", "action");
        if (!action.equals("published") && !action.equals("updated")) {
            return Translation.ignored(IgnoreReason.NOT_A_PUSH, id);
        }
        JsonNode pkg = object(delivery.body(), root, root);
        if (!isContainer(pkg, root)) {
            return Translation.ignored(IgnoreReason.NOT_A_CONTAINER, id);
        }
        String versionPath = root + ".package_version";
        JsonNode version = object(pkg, "package_version", versionPath);
        JsonNode container = object(version, "container_metadata", versionPath + ".container_metadata");
        String containerPath = versionPath + ".container_metadata";
        JsonNode manifest = optionalObject(container, "manifest", containerPath + ".manifest");
        JsonNode tagNode = optionalObject(container, "tag", containerPath + ".tag");
        JsonNode config = optionalObject(manifest, "config", containerPath + ".manifest.config");
        String tag = optionalText(tagNode, "name", containerPath + ".tag.name");
        String mediaType = optionalText(manifest, "media_type", containerPath + ".manifest.media_type");
        String configType = optionalText(config, "media_type", containerPath + ".manifest.config.media_type");
        Optional<IgnoreReason> ignore = PushedArtifacts.ignoreReason(mediaType, configType, tag);
        if (ignore.isPresent()) {
            return Translation.ignored(ignore.get(), id);
        }
        Digest digest = digest(version, manifest, versionPath, containerPath);
        String packageUrl = optionalText(version, "package_url", versionPath + ".package_url");
        String host = GHCR;
        String repository;
        String repositoryPath;
        if (packageUrl != null) {
            int slash = packageUrl.indexOf('/');
            int colon = packageUrl.lastIndexOf(':');
            if (slash <= 0 || colon <= slash) {
                throw new InvalidWebhookException(versionPath + ".package_url", "expected ghcr.io/owner/name:tag, got '" + packageUrl + "'");
            }
            host = packageUrl.substring(0, slash);
            repository = packageUrl.substring(slash + 1, colon).toLowerCase(Locale.ROOT);
            repositoryPath = versionPath + ".package_url";
        } else {
            String owner = text(object(pkg, "owner", root + ".owner"), "login", root + ".owner.login");
            repository = (owner + "/" + text(pkg, "name", root + ".name")).toLowerCase(Locale.ROOT);
            repositoryPath = root + ".name";
        }
        return Translation.of(PushedImages.create(delivery, id, Field.of(host, versionPath + ".package_url"),
                Field.of(repository, repositoryPath), Field.of(tag, containerPath + ".tag.name"), digest, mediaType));
    }

    private static boolean isContainer(JsonNode pkg, String root) {
        JsonNode registry = optionalObject(pkg, "registry", root + ".registry");
        for (String type : new String[] {
                optionalText(pkg, "package_type", root + ".package_type"),
                optionalText(pkg, "ecosystem", root + ".ecosystem"),
                optionalText(registry, "type", root + ".registry.type")}) {
            if (type != null && CONTAINER_TYPES.contains(type.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static Digest digest(JsonNode version, JsonNode manifest, String versionPath, String containerPath) {
        String name = optionalText(version, "name", versionPath + ".name");
        if (name != null && Digest.isDigest(name)) {
            return Digest.parse(name);
        }
        String manifestDigest = optionalText(manifest, "digest", containerPath + ".manifest.digest");
        if (manifestDigest == null) {
            throw new InvalidWebhookException(versionPath + ".name", "neither the version name nor the manifest digest is a digest");
        }
        return WebhookJson.digest(manifestDigest, containerPath + ".manifest.digest");
    }
}
