package dev.layerwatch.engine.layer;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * A layer blob's compression, told by its magic bytes: media types lie often enough (Docker's
 * {@code tar.gzip} on an uncompressed blob) that the bytes are the only thing worth trusting.
 */
public enum LayerCompression {
    GZIP, ZSTD, NONE;

    /** The inflater's input buffer: large, so that the native inflate runs on long stretches and is not call-bound. */
    static final int INFLATE_BUFFER = 1 << 17;

    /** Reads the first bytes of {@code in} (which must support mark/reset) without consuming them. */
    public static LayerCompression sniff(InputStream in) throws IOException {
        in.mark(4);
        byte[] magic = in.readNBytes(4);
        in.reset();
        if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
            return GZIP;
        }
        if (magic.length == 4 && (magic[0] & 0xff) == 0x28 && (magic[1] & 0xff) == 0xb5
                && (magic[2] & 0xff) == 0x2f && (magic[3] & 0xff) == 0xfd) {
            return ZSTD;
        }
        return NONE;
    }

    /** Wraps a buffered raw stream into the decompressed tar stream. */
    public InputStream open(BufferedInputStream raw) throws IOException {
        return switch (this) {
            case GZIP -> new GZIPInputStream(raw, INFLATE_BUFFER);
            case ZSTD -> new ZstdInputStreamNoFinalizer(raw);
            case NONE -> raw;
        };
    }
}
