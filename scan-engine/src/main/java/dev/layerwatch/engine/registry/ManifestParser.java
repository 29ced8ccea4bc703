package dev.layerwatch.engine.registry;

import dev.layerwatch.common.image.Digest;
import dev.layerwatch.common.image.Platform;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads manifest JSON, dispatching on the response {@code Content-Type}, then the body's {@code mediaType},
 * then the shape (an OCI manifest may omit {@code mediaType}). Schema 1 and unknown types are refused.
 */
final class ManifestParser {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String registry;
    private final String repository;
    private final String action;

    ManifestParser(String registry, String repository, String action) {
        this.registry = registry;
        this.repository = repository;
        this.action = action;
    }

    ManifestDocument parse(byte[] body, String contentType) throws RegistryException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new RegistryProtocolException(registry, repository, action, "the manifest is not valid JSON", e);
        }
        if (root == null || !root.isObject()) {
            throw new RegistryProtocolException(registry, repository, action, "the manifest is not a JSON object");
        }
        String mediaType = mediaType(ManifestMediaTypes.essence(contentType), root);
        if (ManifestMediaTypes.isSchema1(mediaType) || root.path("schemaVersion").asInt(2) == 1) {
            throw new RegistryUnsupportedMediaTypeException(registry, repository, action,
                    "Docker schema 1 manifests are not supported (removed from distribution v3); re-push the image");
        }
        if (ManifestMediaTypes.isIndex(mediaType)) {
            List<ManifestDocument.Descriptor> children = new ArrayList<>();
            for (JsonNode child : array(root, "manifests")) {
                children.add(descriptor(child));
            }
            return new ManifestDocument.Index(mediaType, children);
        }
        if (ManifestMediaTypes.isImageManifest(mediaType)) {
            if (!root.path("config").isObject()) {
                throw new RegistryProtocolException(registry, repository, action, "the image manifest has no config descriptor");
            }
            List<ManifestDocument.Descriptor> layers = new ArrayList<>();
            for (JsonNode layer : array(root, "layers")) {
                layers.add(descriptor(layer));
            }
            return new ManifestDocument.ImageManifest(mediaType, descriptor(root.get("config")), layers);
        }
        throw new RegistryUnsupportedMediaTypeException(registry, repository, action,
                "manifest media type '" + mediaType + "' is not an image manifest or index");
    }

    private static String mediaType(String contentType, JsonNode root) {
        if (ManifestMediaTypes.isIndex(contentType) || ManifestMediaTypes.isImageManifest(contentType) || ManifestMediaTypes.isSchema1(contentType)) {
            return contentType;
        }
        String declared = root.path("mediaType").asString("");
        if (!declared.isEmpty()) {
            return declared;
        }
        if (root.has("manifests")) {
            return ManifestMediaTypes.OCI_INDEX;
        }
        if (root.has("config") && root.has("layers")) {
            return ManifestMediaTypes.OCI_MANIFEST;
        }
        return contentType;
    }

    private Iterable<JsonNode> array(JsonNode root, String field) throws RegistryProtocolException {
        JsonNode node = root.path(field);
        if (!node.isArray()) {
            throw new RegistryProtocolException(registry, repository, action, "the manifest's '" + field + "' is not an array");
        }
        return node;
    }

    private ManifestDocument.Descriptor descriptor(JsonNode node) throws RegistryProtocolException {
        Digest digest;
        try {
            digest = Digest.parse(node.path("digest").asString(""));
        } catch (IllegalArgumentException e) {
            throw new RegistryProtocolException(registry, repository, action, "a descriptor has a bad digest: " + e.getMessage(), e);
        }
        List<String> urls = new ArrayList<>();
        node.path("urls").forEach(url -> urls.add(url.asString("")));
        Platform platform = null;
        JsonNode p = node.path("platform");
        if (p.isObject()) {
            try {
                platform = new Platform(p.path("os").asString(""), p.path("architecture").asString(""), p.path("variant").asString(null));
            } catch (IllegalArgumentException e) {
                platform = null; // an unusable platform is treated like none: the child is skipped
            }
        }
        Map<String, String> annotations = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.path("annotations").properties()) {
            annotations.put(entry.getKey(), entry.getValue().asString(""));
        }
        String artifactType = node.path("artifactType").asString(null);
        return new ManifestDocument.Descriptor(node.path("mediaType").asString(null), digest, node.path("size").asLong(-1),
                urls, platform, annotations, artifactType);
    }
}
