package dev.layerwatch.engine.vulndb;

import com.github.luben.zstd.Zstd;
import dev.layerwatch.engine.advisory.Advisory;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores an {@link Advisory} as zstd-compressed compact JSON: records are text-heavy and shrink about
 * four-fold, and zstd at level 1 costs a fraction of zlib's time on both import and lookup.
 */
final class AdvisoryCodec {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final int LEVEL = 1;

    private AdvisoryCodec() {
    }

    static byte[] encode(Advisory advisory) {
        return Zstd.compress(JSON.writeValueAsBytes(advisory), LEVEL);
    }

    static Advisory decode(byte[] compressed) {
        long size = Zstd.getFrameContentSize(compressed);
        if (size < 0 || size > Integer.MAX_VALUE) {
            throw new IllegalStateException("cannot decode stored advisory: zstd frame without a usable content size (" + size + ")");
        }
        return JSON.readValue(Zstd.decompress(compressed, (int) size), Advisory.class);
    }
}
