package dev.layerwatch.engine.layer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Sits on the decompressed stream, on the inflating side of {@link InflateAhead}: stops the layer once
 * it inflates past the total cap or the expansion ratio (a decompression bomb). Once tripped it keeps
 * failing, so a consumer that swallows the exception cannot resume the walk.
 */
final class InflateMeter extends FilterInputStream {

    private final RawCounter compressed;
    private final LayerLimits limits;
    private long count;
    private String tripped;

    InflateMeter(InputStream decompressed, RawCounter compressed, LayerLimits limits) {
        super(decompressed);
        this.compressed = compressed;
        this.limits = limits;
    }

    long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (tripped != null) {
            throw new LayerLimitExceededException(tripped);
        }
        int n = in.read(b, off, len);
        if (n > 0) {
            count += n;
            check();
        }
        return n;
    }

    /** A skipped byte still counts toward the caps. */
    @Override
    public long skip(long n) throws IOException {
        byte[] scratch = new byte[(int) Math.min(n, 1 << 16)];
        long left = n;
        while (left > 0) {
            int r = read(scratch, 0, (int) Math.min(scratch.length, left));
            if (r < 0) {
                break;
            }
            left -= r;
        }
        return n - left;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void check() throws IOException {
        if (count > limits.maxTotalBytes()) {
            tripped = "stopped after " + count + " uncompressed bytes: over the " + limits.maxTotalBytes()
                    + "-byte layer cap";
        } else if (compressed != null && count > limits.ratioFloorBytes()
                && count / Math.max(1, compressed.count()) > limits.maxExpansionRatio()) {
            tripped = "stopped after " + count + " uncompressed bytes from " + compressed.count()
                    + " compressed: expansion over " + limits.maxExpansionRatio() + ":1 (decompression bomb?)";
        }
        if (tripped != null) {
            throw new LayerLimitExceededException(tripped);
        }
    }
}
