package dev.layerwatch.engine.layer;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The decompressed layer, inflated on a second thread a few chunks ahead of the tar walk, so that
 * inflating overlaps with walking, cataloging and scanning instead of adding to them: on two cores a
 * full analysis then takes about what the inflate alone takes. The walk's side hashes each chunk for the
 * diff id as it takes it (SHA-256 over large blocks, without a copy). What the inflating side meets (an
 * I/O error, a {@link LayerLimitExceededException} from the {@link InflateMeter} it reads) is thrown here
 * when the walk reaches it, and again on every later read. At most {@link #QUEUED} chunks wait, so a
 * bomb inflates no further than that past the walk. Always {@link #close} it: that stops the inflating
 * side and waits until it no longer touches the blob.
 */
final class InflateAhead extends InputStream {

    static final int CHUNK = 1 << 18;
    static final int QUEUED = 4;

    private record Chunk(byte[] bytes, int length, IOException error) {
    }

    private static final Chunk END = new Chunk(new byte[0], 0, null);

    private final BlockingQueue<Chunk> filled = new ArrayBlockingQueue<>(QUEUED);
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(QUEUED + 2);
    private final MessageDigest sha256;
    private final Thread inflater;
    private volatile boolean closed;
    private Chunk current = new Chunk(new byte[0], 0, null);
    private int position;
    private long count;
    private IOException failed;
    private boolean ended;

    InflateAhead(InputStream decompressed) {
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
        this.inflater = Thread.ofPlatform().daemon().name("layer-inflate").start(() -> inflate(decompressed));
    }

    /** Decompressed bytes the walk has taken so far. */
    long count() {
        return count;
    }

    /** The SHA-256 of everything taken; call once the stream has ended. */
    byte[] digest() {
        return sha256.digest();
    }

    /** Reads to the end so that the digest covers the tar's trailing padding too. */
    void drain() throws IOException {
        while (next()) {
            skipCurrent();
        }
    }

    @Override
    public int read() throws IOException {
        if (!next()) {
            return -1;
        }
        count++;
        return current.bytes()[position++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!next()) {
            return -1;
        }
        int n = Math.min(len, current.length() - position);
        System.arraycopy(current.bytes(), position, b, off, n);
        position += n;
        count += n;
        return n;
    }

    /** Skipping costs no copy: the bytes were hashed when their chunk was taken. */
    @Override
    public long skip(long n) throws IOException {
        long left = n;
        while (left > 0 && next()) {
            int k = (int) Math.min(left, current.length() - position);
            position += k;
            count += k;
            left -= k;
        }
        return n - left;
    }

    @Override
    public int available() {
        return current.length() - position;
    }

    @Override
    public void close() {
        closed = true;
        filled.clear();
        try {
            inflater.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void skipCurrent() {
        count += current.length() - position;
        position = current.length();
    }

    /** Whether bytes are available in {@link #current}, taking the next chunk when it is used up. */
    private boolean next() throws IOException {
        if (position < current.length()) {
            return true;
        }
        if (failed != null) {
            throw failed;
        }
        if (ended) {
            return false;
        }
        if (current.length() == CHUNK) {
            free.offer(current.bytes());
        }
        Chunk chunk;
        try {
            chunk = filled.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting for the layer to inflate");
        }
        if (chunk.error() != null) {
            failed = chunk.error();
            throw failed;
        }
        if (chunk == END) {
            ended = true;
            return false;
        }
        sha256.update(chunk.bytes(), 0, chunk.length());
        current = chunk;
        position = 0;
        return true;
    }

    private void inflate(InputStream decompressed) {
        while (!closed) {
            byte[] buffer = free.poll();
            if (buffer == null) {
                buffer = new byte[CHUNK];
            }
            int n = 0;
            IOException error = null;
            try {
                for (int r; n < CHUNK && (r = decompressed.read(buffer, n, CHUNK - n)) >= 0; ) {
                    n += r;
                }
            } catch (IOException e) {
                error = e;
            } catch (Throwable e) {
                // the walk must hear of anything, or it waits for the next chunk forever
                error = new IOException("inflating failed: " + e, e);
            }
            // bytes before an error are the walk's too: it meets the error exactly where the stream broke
            if (n > 0) {
                hand(new Chunk(buffer, n, null));
            }
            if (error != null) {
                hand(new Chunk(null, 0, error));
                return;
            }
            if (n < CHUNK) {
                hand(END);
                return;
            }
        }
    }

    private void hand(Chunk chunk) {
        try {
            while (!closed && !filled.offer(chunk, 50, TimeUnit.MILLISECONDS)) {
                // the walk is busy with a file; wait for it
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
