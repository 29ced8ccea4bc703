package dev.layerwatch.engine.registry;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Abandons a blob body when one read waits longer than the idle timeout: java.net.http bounds the wait for
 * response headers only, and a registry or CDN that stalls mid-layer would otherwise hang a worker forever.
 * Only time spent blocked inside {@code read} counts, so a consumer that pauses between reads is never cut off.
 * Closing the body from the watchdog thread makes the blocked read fail, which is turned into
 * {@link RegistryUnreachableException}.
 */
final class IdleTimeoutInputStream extends FilterInputStream {

    /** One daemon thread watches every open blob stream. */
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "registry-blob-read-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private final long idleNanos;
    private final Duration idle;
    private final String registry;
    private final String repository;
    private final String action;
    private final ScheduledFuture<?> watch;
    private volatile long readStartedNanos;
    private volatile boolean timedOut;

    IdleTimeoutInputStream(InputStream in, Duration idle, String registry, String repository, String action) {
        super(in);
        this.idle = idle;
        this.idleNanos = idle.toNanos();
        this.registry = registry;
        this.repository = repository;
        this.action = action;
        long period = Math.max(20, idle.toMillis() / 4);
        this.watch = WATCHDOG.scheduleAtFixedRate(this::check, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public int read() throws IOException {
        readStartedNanos = System.nanoTime();
        try {
            int b = super.read();
            if (b < 0) {
                watch.cancel(false);
            }
            return b;
        } catch (IOException e) {
            throw translate(e);
        } finally {
            readStartedNanos = 0;
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        readStartedNanos = System.nanoTime();
        try {
            int n = super.read(buffer, offset, length);
            if (n < 0) {
                watch.cancel(false);
            }
            return n;
        } catch (IOException e) {
            throw translate(e);
        } finally {
            readStartedNanos = 0;
        }
    }

    @Override
    public void close() throws IOException {
        watch.cancel(false);
        super.close();
    }

    private void check() {
        long started = readStartedNanos;
        if (started != 0 && System.nanoTime() - started > idleNanos) {
            timedOut = true;
            watch.cancel(false);
            try {
                in.close();
            } catch (IOException ignored) {
                // the blocked read fails either way
            }
        }
    }

    private IOException translate(IOException e) {
        if (!timedOut) {
            return e;
        }
        return new RegistryUnreachableException(registry, repository, action,
                "no data received for " + idle.toMillis() + " ms; the transfer was abandoned", e);
    }
}
