package dev.layerwatch.scan.vulndb;

import dev.layerwatch.engine.vulndb.update.UpdateResult;
import dev.layerwatch.engine.vulndb.update.UpdateSources;
import dev.layerwatch.engine.vulndb.update.VulnDbUpdater;
import dev.layerwatch.scan.config.VulnDbProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The built-in updater ({@code layerwatch.vulndb.update.enabled}, on in the standalone): fetches the configured feeds
 * (default: the public ones) into {@code layerwatch.vulndb.dir} right after start-up and then every
 * {@code layerwatch.vulndb.update.every}, on its own thread. Until the first snapshot lands, scans say the DB is not
 * ready, with this updater's last error.
 */
@Component
@ConditionalOnProperty(name = "layerwatch.vulndb.update.enabled", havingValue = "true")
public class VulnDbUpdateSchedule implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(VulnDbUpdateSchedule.class);

    private final VulnDbProperties properties;
    private final VulnDbUpdater updater;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vulndb-updater");
        t.setDaemon(true);
        return t;
    });
    private volatile String lastError;
    private volatile Instant lastAttempt;

    public VulnDbUpdateSchedule(VulnDbProperties properties) {
        if (properties.dir() == null) {
            throw new IllegalStateException("layerwatch.vulndb.update.enabled needs layerwatch.vulndb.dir");
        }
        this.properties = properties;
        this.updater = new VulnDbUpdater(sources(properties.update()));
    }

    static UpdateSources sources(VulnDbProperties.Update update) {
        UpdateSources defaults = UpdateSources.defaults();
        return new UpdateSources(update.osvBase() == null ? defaults.osvBase() : update.osvBase(), defaults.osvEcosystems(),
                update.alpineSecdb() == null ? defaults.alpineSecdb() : update.alpineSecdb(),
                update.debianTracker() == null ? defaults.debianTracker() : update.debianTracker(), defaults.debianReleases());
    }

    @Override
    public void afterPropertiesSet() {
        executor.execute(this::cycle);
    }

    /** One update, then the next: after {@code every}, or sooner (5 minutes at most) while updates fail. */
    private void cycle() {
        boolean ok = runOnce();
        Duration next = ok ? properties.update().every() : min(properties.update().every(), Duration.ofMinutes(5));
        if (!executor.isShutdown()) {
            executor.schedule(this::cycle, next.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Why there is no snapshot yet, for the scan results: first update pending, running or failing. */
    public String notReadyReason() {
        String error = lastError;
        if (lastAttempt == null) {
            return "the first update from the feeds is running";
        }
        return error == null ? "the first update is still running" : "the last update from the feeds failed at " + lastAttempt + ": " + error;
    }

    public List<String> describeSources() {
        VulnDbProperties.Update u = properties.update();
        return List.of(String.valueOf(sources(u).osvBase()), sources(u).alpineSecdb().size() + " Alpine secdb files",
                String.valueOf(sources(u).debianTracker()));
    }

    boolean runOnce() {
        try {
            long start = System.nanoTime();
            UpdateResult result = updater.update(properties.dir(), false);
            lastError = null;
            log.info("vulnerability DB updated to snapshot {} ({} records, changed: {}) in {} s", result.version(), result.records(),
                    result.changed(), Duration.ofNanos(System.nanoTime() - start).toSeconds());
            return true;
        } catch (Exception e) {
            lastError = describe(e);
            log.warn("vulnerability DB update into {} failed, retried in at most 5 minutes: {}", properties.dir(), lastError);
            log.debug("vulnerability DB update failure", e);
            return false;
        } finally {
            lastAttempt = Instant.now();
        }
    }

    /** The message, with the root cause when the message alone says nothing ("…: null" from a refused connection). */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        return root == e ? message : message + " (" + root + ")";
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
