package dev.layerwatch.engine.ecosystem.java;

import java.io.IOException;
import java.io.InputStream;

/**
 * The layer's stream for one archive. Remembers whether it failed, so that a broken layer (an
 * {@link IOException} the engine must see) is told apart from a broken archive (a warning).
 */
final class LayerSourceStream extends UnclosableInputStream {

    private boolean failed;

    LayerSourceStream(InputStream in) {
        super(in);
    }

    boolean failed() {
        return failed;
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            failed = true;
            throw e;
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (IOException e) {
            failed = true;
            throw e;
        }
    }
}
