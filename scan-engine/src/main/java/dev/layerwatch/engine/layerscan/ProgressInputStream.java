package dev.layerwatch.engine.layerscan;

import dev.layerwatch.engine.analysis.AnalysisListener;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reports a layer's compressed bytes to an {@link AnalysisListener} as they are read, once per megabyte at most. */
final class ProgressInputStream extends FilterInputStream {

    private static final long STEP = 1 << 20;

    private final AnalysisListener listener;
    private long count;
    private long reported;

    ProgressInputStream(InputStream in, AnalysisListener listener) {
        super(in);
        this.listener = listener;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            advance(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            advance(n);
        }
        return n;
    }

    private void advance(long n) {
        count += n;
        if (count - reported >= STEP) {
            reported = count;
            listener.layerProgress(count);
        }
    }
}
