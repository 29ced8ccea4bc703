package dev.layerwatch.testkit.registry;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.GZIPOutputStream;

/** How a layer tar is stored in the registry, and the media type each manifest format gives it. */
public enum LayerCompression {
    GZIP("application/vnd.oci.image.layer.v1.tar+gzip", "application/vnd.docker.image.rootfs.diff.tar.gzip"),
    ZSTD("application/vnd.oci.image.layer.v1.tar+zstd", null),
    NONE("application/vnd.oci.image.layer.v1.tar", "application/vnd.docker.image.rootfs.diff.tar");

    private final String ociMediaType;
    private final String dockerMediaType;

    LayerCompression(String ociMediaType, String dockerMediaType) {
        this.ociMediaType = ociMediaType;
        this.dockerMediaType = dockerMediaType;
    }

    String mediaType(ManifestFormat format) {
        if (format == ManifestFormat.OCI) {
            return ociMediaType;
        }
        if (dockerMediaType == null) {
            throw new IllegalArgumentException("Docker schema 2 manifests have no media type for " + this + " layers: use ManifestFormat.OCI");
        }
        return dockerMediaType;
    }

    /** Compresses a whole tar; the JDK's gzip header carries no timestamp, so equal tars give equal blobs. */
    byte[] compress(byte[] tar) throws IOException {
        if (this == NONE) {
            return tar;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(tar.length / 2 + 64);
        try (OutputStream compressing = this == GZIP ? new GZIPOutputStream(out) : new ZstdOutputStream(out)) {
            compressing.write(tar);
        }
        return out.toByteArray();
    }
}
