package dev.layerwatch.engine.image;

import dev.layerwatch.common.image.Digest;
import dev.layerwatch.common.image.Platform;
import dev.layerwatch.engine.layer.TarLayerBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** An image held in memory: layer blobs as built by {@link TarLayerBuilder}, a config listing their diff ids. */
public final class MemoryImageSource implements ImageSource {

    private final Map<Digest, byte[]> blobs = new HashMap<>();
    private final PlatformImage image;

    /** Each layer as {@code {tar, blob}}: the uncompressed tar (for the diff id) and the stored blob. */
    public MemoryImageSource(List<byte[][]> layers) {
        List<LayerDescriptor> descriptors = new ArrayList<>();
        List<String> diffIds = new ArrayList<>();
        for (byte[][] layer : layers) {
            Digest digest = TarLayerBuilder.sha256(layer[1]);
            blobs.put(digest, layer[1]);
            descriptors.add(new LayerDescriptor(digest, "application/vnd.oci.image.layer.v1.tar+gzip", layer[1].length, null));
            diffIds.add(TarLayerBuilder.sha256(layer[0]).toString());
        }
        String config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"User\":\"app\"},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":["
                + diffIds.stream().map(d -> "\"" + d + "\"").collect(Collectors.joining(",")) + "]}}";
        byte[] configJson = config.getBytes(StandardCharsets.UTF_8);
        this.image = new PlatformImage(TarLayerBuilder.sha256("manifest".getBytes()), "application/vnd.oci.image.manifest.v1+json",
                null, Platform.parse("linux/amd64"), TarLayerBuilder.sha256(configJson), configJson, descriptors);
    }

    public static MemoryImageSource of(TarLayerBuilder... layers) {
        List<byte[][]> list = new ArrayList<>();
        for (TarLayerBuilder b : layers) {
            list.add(new byte[][] {b.tar(), b.gzip()});
        }
        return new MemoryImageSource(list);
    }

    public PlatformImage image() {
        return image;
    }

    @Override
    public String describe() {
        return "memory:test";
    }

    @Override
    public List<PlatformImage> images(Platform platform) {
        return List.of(image);
    }

    @Override
    public InputStream openLayer(PlatformImage image, LayerDescriptor layer) throws IOException {
        byte[] blob = blobs.get(layer.digest());
        if (blob == null) {
            throw new IOException("blob " + layer.digest() + " not found");
        }
        return new ByteArrayInputStream(blob);
    }
}
