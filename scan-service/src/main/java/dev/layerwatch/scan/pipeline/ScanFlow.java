package dev.layerwatch.scan.pipeline;

import dev.layerwatch.common.event.ImagePushed;
import dev.layerwatch.common.event.ScanCompleted;
import dev.layerwatch.scan.metrics.ScanMetrics;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt at one pushed image, shared by the first try ({@code scanImage}) and the retries ({@code retryScan}):
 * scan, publish every platform's result, count it; a transient failure goes to {@link ScanRetries}.
 */
public class ScanFlow {

    private static final Logger log = LoggerFactory.getLogger(ScanFlow.class);

    private final ImageScanner scanner;
    private final ScanCompletedPublisher publisher;
    private final ScanRetries retries;
    private final ScanMetrics metrics;

    ScanFlow(ImageScanner scanner, ScanCompletedPublisher publisher, ScanRetries retries, ScanMetrics metrics) {
        this.scanner = scanner;
        this.publisher = publisher;
        this.retries = retries;
        this.metrics = metrics;
    }

    /** @param previous the retry this attempt answers, or null for the first attempt */
    void attempt(ImagePushed event, PendingScan previous) {
        long start = System.nanoTime();
        List<ScanCompleted> results;
        try {
            results = scanner.scan(event);
        } catch (ImageScanner.TransientScanException e) {
            retries.failed(event, previous, e);
            return;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        for (ScanCompleted result : results) {
            publisher.publish(result);
            metrics.scanned(result, took);
        }
        if (previous != null) {
            metrics.retry("recovered");
        }
        log.info("scanned {} ({} platform(s)) in {} ms{}: {}", event.image(), results.size(), took.toMillis(),
                previous == null ? "" : " after " + previous.attempt() + " failed attempt(s) since " + previous.firstFailedAt(),
                String.join(", ", results.stream().map(ScanFlow::summary).distinct().toList()));
    }

    private static String summary(ScanCompleted r) {
        return r.outcome().result() + (r.vulnerabilityStatus().checked() ? "" : ", vulnerabilities not checked (" + r.vulnerabilityStatus().detail() + ")");
    }
}
