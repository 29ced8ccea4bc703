package dev.layerwatch.engine.layerscan;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * One file's bytes for several readers in turn, each of which sees the file from its start. The file is
 * read from the layer once, and kept in memory only as far as some reader before the last one went: a
 * reader that stops early (a cataloger that sniffs four bytes, the secret scanner giving up on a binary)
 * costs no more than what it read, and the last reader streams on without anything being kept.
 */
final class SharedFileContent {

    private static final int MIN_KEEP = 8 << 10;

    private final InputStream source;
    private final long size;
    private byte[] kept = new byte[0];
    private int keptLength;
    private boolean sourceEnded;

    /** {@code size} is the file's stated size: what is kept never grows past it unless the stream is longer. */
    SharedFileContent(InputStream source, long size) {
        this.source = source;
        this.size = size;
    }

    /** A new reader from the file's start; {@code last}: no reader follows, so nothing it reads is kept. */
    InputStream reader(boolean last) {
        return new Reader(last);
    }

    /** How many bytes are held in memory for readers still to come. */
    int keptBytes() {
        return keptLength;
    }

    private int readSource(byte[] b, int off, int len, boolean keep) throws IOException {
        if (sourceEnded) {
            return -1;
        }
        if (!keep) {
            int n = source.read(b, off, len);
            if (n < 0) {
                sourceEnded = true;
            }
            return n;
        }
        int want = keptLength < size ? (int) Math.min(len, size - keptLength) : len;
        if (keptLength + want > kept.length) {
            long grown = Math.max(keptLength + (long) want, Math.min(size, Math.max(MIN_KEEP, 2L * kept.length)));
            kept = Arrays.copyOf(kept, (int) Math.min(Integer.MAX_VALUE - 8, grown));
        }
        int n = source.read(kept, keptLength, Math.min(want, kept.length - keptLength));
        if (n < 0) {
            sourceEnded = true;
            return -1;
        }
        System.arraycopy(kept, keptLength, b, off, n);
        keptLength += n;
        return n;
    }

    private final class Reader extends InputStream {
        private final boolean last;
        private long position;

        Reader(boolean last) {
            this.last = last;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            int n;
            if (position < keptLength) {
                n = (int) Math.min(len, keptLength - position);
                System.arraycopy(kept, (int) position, b, off, n);
            } else if (position == keptLength || last) {
                n = readSource(b, off, len, !last);
            } else {
                throw new IllegalStateException("a shared file's readers must take their turns one after another");
            }
            if (n > 0) {
                position += n;
            }
            return n;
        }

        @Override
        public int available() {
            return (int) Math.max(0, keptLength - position);
        }
    }
}
