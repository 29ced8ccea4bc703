package dev.layerwatch.engine.layer;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * SHA-256 computed on a second thread from copied chunks, so that hashing the decompressed layer for
 * its diff id overlaps with inflating it instead of adding to it (on two cores a layer walk then costs
 * about what the inflate alone costs). Always {@link #close} it: the worker waits for chunks until then.
 */
final class BackgroundSha256 implements AutoCloseable {

    private static final int CHUNK = 1 << 18;
    private static final int QUEUED_CHUNKS = 8;
    private static final byte[] END = new byte[0];

    private final BlockingQueue<byte[]> filled = new ArrayBlockingQueue<>(QUEUED_CHUNKS + 1);
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(QUEUED_CHUNKS + 2);
    private final MessageDigest sha256;
    private final Thread worker;
    private byte[] staging = new byte[CHUNK];
    private int fill;
    private boolean ended;

    BackgroundSha256() {
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
        this.worker = Thread.ofPlatform().daemon().name("layer-sha256").start(this::hashChunks);
    }

    void update(byte[] b, int off, int len) {
        while (len > 0) {
            int n = Math.min(len, CHUNK - fill);
            System.arraycopy(b, off, staging, fill, n);
            fill += n;
            off += n;
            len -= n;
            if (fill == CHUNK) {
                hand(staging);
                byte[] recycled = free.poll();
                staging = recycled != null ? recycled : new byte[CHUNK];
                fill = 0;
            }
        }
    }

    /** Waits for the worker and returns the digest of everything updated so far. */
    byte[] digest() {
        if (fill > 0) {
            hand(Arrays.copyOf(staging, fill));
            fill = 0;
        }
        end();
        join();
        return sha256.digest();
    }

    @Override
    public void close() {
        end();
        join();
    }

    private void end() {
        if (!ended) {
            ended = true;
            hand(END);
        }
    }

    private void hand(byte[] chunk) {
        try {
            filled.put(chunk);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            worker.interrupt();
            throw new IllegalStateException("interrupted while hashing a layer", e);
        }
    }

    private void join() {
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            worker.interrupt();
        }
    }

    private void hashChunks() {
        try {
            while (true) {
                byte[] chunk = filled.take();
                if (chunk == END) {
                    return;
                }
                sha256.update(chunk);
                if (chunk.length == CHUNK) {
                    free.offer(chunk);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
