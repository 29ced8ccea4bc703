package dev.layerwatch.scan.pipeline;

import dev.layerwatch.common.event.ImagePushed;
import dev.layerwatch.common.event.ScanCompleted;
import dev.layerwatch.common.image.ImageReference;
import dev.layerwatch.engine.analysis.AnalysisListener;
import dev.layerwatch.engine.registry.RegistryClient;
import dev.layerwatch.engine.registry.RegistryException;
import dev.layerwatch.engine.registry.RegistryImageSource;
import dev.layerwatch.engine.registry.RegistryRateLimitedException;
import dev.layerwatch.engine.registry.RegistryUnreachableException;
import dev.layerwatch.engine.scan.ImageScan;
import dev.layerwatch.engine.scan.ScanEngine;
import dev.layerwatch.scan.config.RegistryClients;
import dev.layerwatch.scan.metrics.ScanMetrics;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Scans a pushed image from its registry, as named steps: resolve the tag when the sender gave no digest,
 * analyse every platform, match vulnerabilities, and shape the results. Only configured registries are
 * contacted; an unknown one is a FAILED result, not a retry.
 */
@Component
public class RegistryImageScanner implements ImageScanner {

    private static final Logger log = LoggerFactory.getLogger(RegistryImageScanner.class);

    private final RegistryClients registries;
    private final ScanEngine engine;
    private final ScanResults results;

    private final ScanMetrics metrics;
    private final VulnDbMatchers matchers;

    public RegistryImageScanner(RegistryClients registries, ScanEngine engine, VulnDbMatchers matchers, ScanMetrics metrics) {
        this.registries = registries;
        this.engine = engine;
        this.matchers = matchers;
        this.metrics = metrics;
        this.results = new ScanResults(scannerVersion(), Clock.systemUTC());
    }

    @Override
    public List<ScanCompleted> scan(ImagePushed event) {
        ImageReference image = event.image();
        if (!registries.allows(image.registry())) {
            log.warn("not scanning {}: registry {} is not configured (layerwatch.registries)", image, image.registry());
            return List.of(results.failed(event, image, "registry " + image.registry() + " is not configured in layerwatch.registries", null));
        }
        try {
            RegistryClient client = registries.client(image.registry());
            // an alias (the host a pushing client used) is pulled from the configured host; results keep the event's name
            String pullHost = registries.pullHost(image.registry());
            ImageReference pull = pullHost.equals(image.registry()) ? image
                    : ImageReference.of(pullHost, image.repository(), image.tag(), image.digest());
            ImageReference pinned = image.digest() != null ? image : image.withDigest(client.resolveDigest(pull));
            try (RegistryImageSource source = new RegistryImageSource(client, pull.withDigest(pinned.digest()))) {
                List<ImageScan> scans = engine.scan(source, null, AnalysisListener.SILENT);
                List<ScanCompleted> out = new ArrayList<>(scans.size());
                for (ImageScan scan : scans) {
                    long cached = scan.inventory().layers().stream().filter(l -> l.cached()).count();
                    long unreadable = scan.inventory().layers().stream().filter(l -> l.problem() != null).count();
                    metrics.layers(scan.inventory().layers().size() - cached - unreadable, cached, unreadable);
                    out.add(results.succeeded(event, pinned, scan, matchers.status(scan.vulnDbVersion())));
                }
                return out;
            }
        } catch (RegistryUnreachableException e) {
            metrics.registryFailure(image.registry(), "unreachable");
            throw new TransientScanException(e.getMessage(), e);
        } catch (RegistryRateLimitedException e) {
            metrics.registryFailure(image.registry(), "rate_limited");
            throw new TransientScanException(e.getMessage(), e);
        } catch (RegistryException e) {
            return List.of(results.failed(event, image, e.getMessage(), null));
        } catch (IOException e) {
            throw new TransientScanException("scan of " + image + " failed: " + e.getMessage(), e);
        }
    }

    static String scannerVersion() {
        String v = RegistryImageScanner.class.getPackage().getImplementationVersion();
        return "layerwatch/" + (v == null ? "development" : v);
    }
}
