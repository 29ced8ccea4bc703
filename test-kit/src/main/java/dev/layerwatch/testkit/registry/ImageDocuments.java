package dev.layerwatch.testkit.registry;

import dev.layerwatch.common.image.Digest;
import java.util.List;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON documents of an image: config, manifest and index, serialised compactly in a fixed field order. */
final class ImageDocuments {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String CREATED = LayerTarBuilder.FIXED_MTIME.toString();

    record Descriptor(String mediaType, Digest digest, long size) {
    }

    private ImageDocuments() {
    }

    static byte[] config(ImageSpec spec, List<Digest> diffIds) {
        ObjectNode root = JSON.createObjectNode();
        root.put("created", CREATED);
        root.put("architecture", spec.architecture);
        if (spec.variant != null) {
            root.put("variant", spec.variant);
        }
        root.put("os", spec.os);
        ObjectNode config = root.putObject("config");
        if (spec.user != null) {
            config.put("User", spec.user);
        }
        if (!spec.exposedPorts.isEmpty()) {
            ObjectNode ports = config.putObject("ExposedPorts");
            spec.exposedPorts.forEach(port -> ports.putObject(port));
        }
        ArrayNode env = config.putArray("Env");
        env.add("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        spec.env.forEach(env::add);
        if (spec.cmd != null) {
            ArrayNode cmd = config.putArray("Cmd");
            spec.cmd.forEach(cmd::add);
        }
        if (spec.healthcheck != null) {
            ArrayNode test = config.putObject("Healthcheck").putArray("Test");
            spec.healthcheck.forEach(test::add);
        }
        ObjectNode rootfs = root.putObject("rootfs");
        rootfs.put("type", "layers");
        ArrayNode ids = rootfs.putArray("diff_ids");
        diffIds.forEach(id -> ids.add(id.toString()));
        ArrayNode history = root.putArray("history");
        for (ImageSpec.Layer layer : spec.layers) {
            ObjectNode entry = history.addObject();
            entry.put("created", CREATED);
            entry.put("created_by", "layerwatch-test-kit: layer from " + layer.directory().getFileName());
        }
        return JSON.writeValueAsBytes(root);
    }

    static byte[] manifest(ManifestFormat format, Descriptor config, List<Descriptor> layers) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", 2);
        root.put("mediaType", format.manifestMediaType());
        descriptor(root.putObject("config"), config);
        ArrayNode array = root.putArray("layers");
        layers.forEach(layer -> descriptor(array.addObject(), layer));
        return JSON.writeValueAsBytes(root);
    }

    static byte[] index(String mediaType, List<PushedImage> children, List<ImageSpec> specs) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", 2);
        root.put("mediaType", mediaType);
        ArrayNode manifests = root.putArray("manifests");
        for (int i = 0; i < children.size(); i++) {
            PushedImage child = children.get(i);
            ImageSpec spec = specs.get(i);
            ObjectNode entry = manifests.addObject();
            descriptor(entry, new Descriptor(child.manifestMediaType(), child.manifestDigest(), child.manifest().length));
            ObjectNode platform = entry.putObject("platform");
            platform.put("architecture", spec.architecture);
            platform.put("os", spec.os);
            if (spec.variant != null) {
                platform.put("variant", spec.variant);
            }
            if (!spec.indexAnnotations.isEmpty()) {
                ObjectNode annotations = entry.putObject("annotations");
                spec.indexAnnotations.forEach(annotations::put);
            }
        }
        return JSON.writeValueAsBytes(root);
    }

    private static void descriptor(ObjectNode node, Descriptor descriptor) {
        node.put("mediaType", descriptor.mediaType());
        node.put("digest", descriptor.digest().toString());
        node.put("size", descriptor.size());
    }
}
