package dev.layerwatch.engine.layer;

/**
 * The caps that keep one hostile layer from exhausting memory or time. Passing a cap is a warning,
 * never a crash: a file over {@code maxFileBytes} is skipped unread, a layer over the entry count,
 * the total size or the expansion ratio stops being read (what was found so far is kept).
 *
 * @param maxFileBytes      largest single file handed to a consumer
 * @param maxTotalBytes     largest uncompressed layer
 * @param maxExpansionRatio uncompressed/compressed bytes above which a layer is taken for a decompression bomb
 * @param ratioFloorBytes   the ratio is only judged once this much has been inflated (small layers compress well)
 * @param maxEntries        most tar entries in one layer
 * @param maxWarnings       warnings kept per layer before the rest are only counted
 */
public record LayerLimits(long maxFileBytes, long maxTotalBytes, long maxExpansionRatio, long ratioFloorBytes,
        long maxEntries, int maxWarnings) {

    public static final LayerLimits DEFAULTS = new LayerLimits(
            512L << 20, 32L << 30, 200, 256L << 20, 1_000_000, 200);

    public LayerLimits {
        if (maxFileBytes <= 0 || maxTotalBytes <= 0 || maxExpansionRatio <= 0 || ratioFloorBytes < 0
                || maxEntries <= 0 || maxWarnings <= 0) {
            throw new IllegalArgumentException("layer limits must be positive");
        }
    }

    public LayerLimits withMaxFileBytes(long v) {
        return new LayerLimits(v, maxTotalBytes, maxExpansionRatio, ratioFloorBytes, maxEntries, maxWarnings);
    }

    public LayerLimits withMaxTotalBytes(long v) {
        return new LayerLimits(maxFileBytes, v, maxExpansionRatio, ratioFloorBytes, maxEntries, maxWarnings);
    }

    public LayerLimits withExpansion(long ratio, long floorBytes) {
        return new LayerLimits(maxFileBytes, maxTotalBytes, ratio, floorBytes, maxEntries, maxWarnings);
    }

    public LayerLimits withMaxEntries(long v) {
        return new LayerLimits(maxFileBytes, maxTotalBytes, maxExpansionRatio, ratioFloorBytes, v, maxWarnings);
    }
}
