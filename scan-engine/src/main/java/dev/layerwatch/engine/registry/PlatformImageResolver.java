package dev.layerwatch.engine.registry;

import dev.layerwatch.common.image.Digest;
import dev.layerwatch.common.image.ImageReference;
import dev.layerwatch.common.image.Platform;
import dev.layerwatch.engine.image.LayerDescriptor;
import dev.layerwatch.engine.image.PlatformImage;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a reference into runnable platform images: a single manifest gives one; an index or manifest list
 * gives one per child whose platform is real (attestations, {@code unknown/unknown}, artifacts and nested
 * indexes are skipped), optionally narrowed to one requested platform.
 */
final class PlatformImageResolver {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformImageResolver.class);
    private static final String REFERENCE_TYPE = "vnd.docker.reference.type";

    private final RegistryClient client;
    private final ImageReference reference;

    PlatformImageResolver(RegistryClient client, ImageReference reference) {
        this.client = client;
        this.reference = reference;
    }

    List<PlatformImage> resolve(Platform wanted) throws RegistryException {
        String repository = reference.repository();
        PulledManifest top = client.pullManifest(repository, reference.pinnedReference());
        ManifestDocument document = parser("pull manifest " + reference.pinnedReference()).parse(top.bytes(), top.contentType());
        if (document instanceof ManifestDocument.ImageManifest manifest) {
            PlatformImage image = image(top.digest(), manifest, null, null);
            return wanted == null || wanted.selects(image.platform()) ? List.of(image) : List.of();
        }
        ManifestDocument.Index index = (ManifestDocument.Index) document;
        List<PlatformImage> images = new ArrayList<>();
        for (ManifestDocument.Descriptor child : index.manifests()) {
            String skip = skipReason(child);
            if (skip != null) {
                LOG.debug("skipping {} in index {} of {}: {}", child.digest(), top.digest(), reference, skip);
                continue;
            }
            if (wanted != null && !wanted.selects(child.platform())) {
                continue;
            }
            PulledManifest pulled = client.pullManifest(repository, child.digest().toString());
            ManifestDocument childDocument = parser("pull manifest " + child.digest()).parse(pulled.bytes(), pulled.contentType());
            if (childDocument instanceof ManifestDocument.ImageManifest manifest) {
                images.add(image(pulled.digest(), manifest, top.digest(), child.platform()));
            }
        }
        return images;
    }

    /** Why an index entry is not a runnable image, or null when it is one. */
    static String skipReason(ManifestDocument.Descriptor child) {
        if (child.mediaType() != null && !ManifestMediaTypes.isImageManifest(child.mediaType())) {
            return "media type " + child.mediaType() + " is not an image manifest";
        }
        if (child.artifactType() != null) {
            return "artifact of type " + child.artifactType();
        }
        if ("attestation-manifest".equals(child.annotations().get(REFERENCE_TYPE))) {
            return "attestation manifest";
        }
        if (child.platform() == null) {
            return "no platform";
        }
        if (child.platform().os().equals("unknown") || child.platform().architecture().equals("unknown")) {
            return "platform " + child.platform();
        }
        return null;
    }

    private PlatformImage image(Digest manifestDigest, ManifestDocument.ImageManifest manifest, Digest indexDigest, Platform fromIndex)
            throws RegistryException {
        String repository = reference.repository();
        ManifestDocument.Descriptor config = manifest.config();
        if (config.mediaType() != null && !ManifestMediaTypes.isImageConfig(config.mediaType())) {
            throw new RegistryUnsupportedMediaTypeException(client.registry(), repository, "read manifest " + manifestDigest,
                    "config media type " + config.mediaType() + " is not an image config (an artifact, not an image)");
        }
        byte[] configJson = client.pullBlobBytes(repository, config.digest(), "config " + config.digest());
        Platform platform = fromIndex != null ? fromIndex : platformOf(configJson, manifestDigest);
        List<LayerDescriptor> layers = manifest.layers().stream()
                .map(layer -> new LayerDescriptor(layer.digest(), layer.mediaType(), layer.size(), layer.urls()))
                .toList();
        return new PlatformImage(manifestDigest, manifest.mediaType(), indexDigest, platform, config.digest(), configJson, layers);
    }

    private Platform platformOf(byte[] configJson, Digest manifestDigest) throws RegistryException {
        String action = "read config of " + manifestDigest;
        try {
            JsonNode config = JsonMapper.builder().build().readTree(configJson);
            return new Platform(config.path("os").asString(""), config.path("architecture").asString(""),
                    config.path("variant").asString(null));
        } catch (JacksonException e) {
            throw new RegistryProtocolException(client.registry(), reference.repository(), action, "the image config is not JSON", e);
        } catch (IllegalArgumentException e) {
            throw new RegistryProtocolException(client.registry(), reference.repository(), action,
                    "the image config has no usable os/architecture: " + e.getMessage(), e);
        }
    }

    private ManifestParser parser(String action) {
        return new ManifestParser(client.registry(), reference.repository(), action);
    }
}
