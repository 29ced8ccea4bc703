package dev.layerwatch.engine.image;

import dev.layerwatch.common.image.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Where an image's manifests, config and layer blobs come from: a registry, an OCI layout, a
 * {@code docker save} archive. The analysis engine reads everything through this interface.
 */
public interface ImageSource extends AutoCloseable {

    /** A human-readable name for messages and reports ({@code 127.0.0.1:5000/app:1.0}, {@code oci-layout:/tmp/x}). */
    String describe();

    /**
     * The platform images to scan. A single manifest yields one; an index yields one per runnable
     * platform child (attestations and unknown/unknown entries skipped), or only those {@code platform}
     * selects when it is not null.
     */
    List<PlatformImage> images(Platform platform) throws IOException;

    /**
     * Opens a layer blob as stored (usually compressed). The stream verifies the blob digest as it is
     * read and throws an {@link IOException} naming the layer at end of stream on a mismatch.
     */
    InputStream openLayer(PlatformImage image, LayerDescriptor layer) throws IOException;

    @Override
    default void close() throws IOException {
    }
}
