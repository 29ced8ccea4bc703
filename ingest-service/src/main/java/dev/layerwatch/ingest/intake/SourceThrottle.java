package dev.layerwatch.ingest.intake;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.springframework.stereotype.Component;

/**
 * Concurrency and rate limits per webhook source, applied once the sender is authenticated (an anonymous client
 * must not be able to use up a real sender's share). The rate is a token bucket refilled continuously.
 */
@Component
public class SourceThrottle {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final IngestLimitsProperties limits;
    private final Map<String, Semaphore> running = new ConcurrentHashMap<>();
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public SourceThrottle(IngestLimitsProperties limits) {
        this.limits = limits;
    }

    /** A permit to process one delivery of {@code source}; close it when done. Throws 429/503 when over a limit. */
    /** Held while one delivery is processed. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    public Permit enter(String source) {
        if (!buckets.computeIfAbsent(source, s -> new Bucket(limits.perSourcePerSecond())).take()) {
            throw new WebhookRejection(429, "more than " + limits.perSourcePerSecond() + " deliveries per second from webhook source '"
                    + source + "' (layerwatch.ingest.limits.per-source-per-second)", RETRY_AFTER);
        }
        Semaphore permits = running.computeIfAbsent(source, s -> new Semaphore(limits.maxConcurrentPerSource()));
        if (!permits.tryAcquire()) {
            throw new WebhookRejection(503, "more than " + limits.maxConcurrentPerSource() + " deliveries at once from webhook source '"
                    + source + "' (layerwatch.ingest.limits.max-concurrent-per-source)", RETRY_AFTER);
        }
        return permits::release;
    }

    private static final class Bucket {
        private final double perNano;
        private final double capacity;
        private double tokens;
        private long last = System.nanoTime();

        Bucket(int perSecond) {
            this.perNano = perSecond / 1e9;
            this.capacity = perSecond;
            this.tokens = perSecond;
        }

        synchronized boolean take() {
            long now = System.nanoTime();
            tokens = Math.min(capacity, tokens + (now - last) * perNano);
            last = now;
            if (tokens < 1) {
                return false;
            }
            tokens--;
            return true;
        }
    }
}
