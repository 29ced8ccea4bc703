package dev.layerwatch.engine.vulndb;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
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
    // a zstd context is costly to create; one per thread is reused for every record it reads or writes
    private static final ThreadLocal<ZstdCompressCtx> COMPRESS = ThreadLocal.withInitial(() -> new ZstdCompressCtx().setLevel(LEVEL));
    private static final ThreadLocal<ZstdDecompressCtx> DECOMPRESS = ThreadLocal.withInitial(ZstdDecompressCtx::new);

    private AdvisoryCodec() {
    }

    static byte[] encode(Advisory advisory) {
        return COMPRESS.get().compress(JSON.writeValueAsBytes(advisory));
    }

    static Advisory decode(byte[] compressed) {
        long size = Zstd.getFrameContentSize(compressed);
        if (size < 0 || size > Integer.MAX_VALUE) {
            throw new IllegalStateException("cannot decode stored advisory: zstd frame without a usable content size (" + size + ")");
        }
        return JSON.readValue(DECOMPRESS.get().decompress(compressed, (int) size), Advisory.class);
    }
}
