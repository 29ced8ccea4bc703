package dev.layerwatch.engine.source;

import dev.layerwatch.engine.image.DigestVerifyingInputStream;
import dev.layerwatch.common.image.Digest;
import dev.layerwatch.common.image.Platform;
import dev.layerwatch.engine.image.ImageSource;
import dev.layerwatch.engine.image.LayerDescriptor;
import dev.layerwatch.engine.image.PlatformImage;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * An OCI image layout directory ({@code oci-layout}, {@code index.json}, {@code blobs/<alg>/<hex>}).
 * A tag selects the {@code index.json} entries whose {@code org.opencontainers.image.ref.name} matches.
 */
public final class OciLayoutSource implements ImageSource {

    static final String REF_NAME = "org.opencontainers.image.ref.name";

    private final Path dir;
    private final String tag;
    private final OciImageReader reader;

    private OciLayoutSource(Path dir, String tag) {
        this.dir = dir;
        this.tag = tag;
        this.reader = new OciImageReader(this::openBlob, "oci-layout " + dir);
    }

    public static OciLayoutSource open(Path dir, String tag) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "oci-layout directory does not exist");
        }
        if (!Files.isRegularFile(dir.resolve("index.json"))) {
            throw new IOException("oci-layout " + dir + ": no index.json, not an OCI image layout");
        }
        return new OciLayoutSource(dir, tag);
    }

    @Override
    public String describe() {
        return "oci-layout:" + dir + (tag == null ? "" : ":" + tag);
    }

    @Override
    public List<PlatformImage> images(Platform platform) throws IOException {
        JsonNode index = reader.parse(Files.readAllBytes(dir.resolve("index.json")), "index.json");
        List<JsonNode> selected = new ArrayList<>();
        Set<String> tags = new LinkedHashSet<>();
        for (JsonNode m : index.path("manifests")) {
            String ref = m.path("annotations").path(REF_NAME).asString(null);
            if (ref != null) {
                tags.add(ref);
            }
            if (tag == null || tag.equals(ref)) {
                selected.add(m);
            }
        }
        if (selected.isEmpty()) {
            throw new IOException("oci-layout " + dir + ": " + (tag == null ? "index.json lists no manifests"
                    : "no image tagged '" + tag + "' (tags: " + String.join(", ", tags) + ")"));
        }
        if (tag == null && tags.size() > 1) {
            throw new IOException("oci-layout " + dir + " holds several images; name one: oci-layout:" + dir + ":TAG (tags: "
                    + String.join(", ", tags) + ")");
        }
        List<PlatformImage> images = new ArrayList<>();
        for (JsonNode m : selected) {
            images.addAll(reader.images(m, platform));
        }
        if (images.isEmpty()) {
            throw new IOException("oci-layout " + dir + ": no image for platform " + platform);
        }
        return images;
    }

    @Override
    public InputStream openLayer(PlatformImage image, LayerDescriptor layer) throws IOException {
        return DigestVerifyingInputStream.describing(openBlob(layer.digest()), layer.digest(), "oci-layout " + dir + " layer " + layer.digest());
    }

    private InputStream openBlob(Digest digest) throws IOException {
        Path blob = dir.resolve("blobs").resolve(digest.algorithm()).resolve(digest.hex());
        if (!Files.isRegularFile(blob)) {
            throw new NoSuchFileException(blob.toString(), null, "blob " + digest + " is missing from the oci-layout");
        }
        return new BufferedInputStream(Files.newInputStream(blob), 1 << 16);
    }
}
