package dev.layerwatch.engine.source;

import dev.layerwatch.engine.image.DigestVerifyingInputStream;
import dev.layerwatch.common.image.Digest;
import dev.layerwatch.common.image.Platform;
import dev.layerwatch.engine.image.LayerDescriptor;
import dev.layerwatch.engine.image.PlatformImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads OCI/Docker manifests and indexes from a content-addressed blob store into platform images:
 * an index yields one image per runnable platform (attestations and {@code unknown/unknown} skipped).
 */
final class OciImageReader {

    static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    private static final int MAX_JSON_BYTES = 8 << 20;
    private static final int MAX_DEPTH = 4;

    static final JsonMapper JSON = JsonMapper.builder().build();

    @FunctionalInterface
    interface BlobStore {
        InputStream open(Digest digest) throws IOException;
    }

    private final BlobStore blobs;
    private final String where;

    OciImageReader(BlobStore blobs, String where) {
        this.blobs = blobs;
        this.where = where;
    }

    byte[] readBlob(Digest digest) throws IOException {
        try (InputStream in = DigestVerifyingInputStream.describing(blobs.open(digest), digest, where + " blob " + digest)) {
            byte[] bytes = in.readNBytes(MAX_JSON_BYTES + 1);
            if (bytes.length > MAX_JSON_BYTES) {
                throw new IOException(where + ": blob " + digest + " is over " + MAX_JSON_BYTES + " bytes, not a manifest or config");
            }
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return bytes;
        }
    }

    /** The images a descriptor names (a manifest or an index), filtered by {@code platform} when not null. */
    List<PlatformImage> images(JsonNode descriptor, Platform platform) throws IOException {
        List<PlatformImage> out = new ArrayList<>();
        collect(descriptor, null, platform, out, 0);
        return out;
    }

    private void collect(JsonNode descriptor, Digest indexDigest, Platform wanted, List<PlatformImage> out, int depth)
            throws IOException {
        Digest digest = digest(descriptor);
        byte[] bytes = readBlob(digest);
        JsonNode doc = parse(bytes, "manifest " + digest);
        String mediaType = text(doc, "mediaType", text(descriptor, "mediaType", null));
        if (doc.has("manifests") || OCI_INDEX.equals(mediaType) || DOCKER_LIST.equals(mediaType)) {
            if (depth >= MAX_DEPTH) {
                throw new IOException(where + ": index " + digest + " nests deeper than " + MAX_DEPTH + " levels");
            }
            for (JsonNode child : doc.path("manifests")) {
                if (!runnable(child)) {
                    continue;
                }
                Platform p = platformOf(child.path("platform"));
                if (wanted != null && p != null && !wanted.selects(p)) {
                    continue;
                }
                collect(child, digest, wanted, out, depth + 1);
            }
            return;
        }
        PlatformImage image = manifest(doc, digest, mediaType, indexDigest);
        if (wanted == null || image.platform() == null || wanted.selects(image.platform())) {
            out.add(image);
        }
    }

    private PlatformImage manifest(JsonNode doc, Digest digest, String mediaType, Digest indexDigest) throws IOException {
        JsonNode configDescriptor = doc.path("config");
        Digest configDigest = digest(configDescriptor);
        byte[] config = readBlob(configDigest);
        JsonNode configDoc = parse(config, "config " + configDigest);
        List<LayerDescriptor> layers = new ArrayList<>();
        for (JsonNode l : doc.path("layers")) {
            List<String> urls = new ArrayList<>();
            l.path("urls").forEach(u -> urls.add(u.asString()));
            layers.add(new LayerDescriptor(digest(l), text(l, "mediaType", null), l.path("size").asLong(-1), urls));
        }
        return new PlatformImage(digest, mediaType, indexDigest, platformOf(configDoc), configDigest, config, layers);
    }

    JsonNode parse(byte[] bytes, String what) throws IOException {
        try {
            return JSON.readTree(bytes);
        } catch (RuntimeException e) {
            throw new IOException(where + ": " + what + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    private Digest digest(JsonNode descriptor) throws IOException {
        try {
            return Digest.parse(descriptor.path("digest").asString(null));
        } catch (IllegalArgumentException e) {
            throw new IOException(where + ": descriptor without a valid digest: " + e.getMessage(), e);
        }
    }

    private static boolean runnable(JsonNode child) {
        if ("attestation-manifest".equals(child.path("annotations").path("vnd.docker.reference.type").asString(null))) {
            return false;
        }
        JsonNode p = child.path("platform");
        return !("unknown".equals(p.path("os").asString(null)) && "unknown".equals(p.path("architecture").asString(null)));
    }

    static Platform platformOf(JsonNode node) {
        String os = node.path("os").asString(null);
        String arch = node.path("architecture").asString(null);
        if (os == null || arch == null) {
            return null;
        }
        try {
            return new Platform(os, arch, node.path("variant").asString(null));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field, String fallback) {
        return node.path(field).asString(fallback);
    }
}
