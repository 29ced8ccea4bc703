package dev.layerwatch.scan.pipeline;

import dev.layerwatch.common.event.VulnerabilityStatus;
import dev.layerwatch.engine.match.VulnerabilityMatcher;
import dev.layerwatch.engine.vulndb.VulnDb;
import dev.layerwatch.engine.vulndb.VulnDbSnapshot;
import dev.layerwatch.scan.config.VulnDbProperties;
import dev.layerwatch.scan.vulndb.VulnDbUpdateSchedule;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The engine's matcher over the current vulnerability snapshot of {@code layerwatch.vulndb.dir}, and how far a match
 * can be trusted ({@link #status}): NOT_CHECKED without a directory (no DB) or before the first snapshot lands (not
 * ready, with the in-process updater's last error), NOT_CHECKED with the findings kept when the snapshot is older than
 * {@code layerwatch.vulndb.max-age}. The database is opened as soon as a snapshot appears; newer snapshots are
 * switched to by {@link VulnDb} itself.
 */
@Component
public class VulnDbMatchers implements Supplier<Optional<VulnerabilityMatcher>>, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(VulnDbMatchers.class);

    /** The snapshot in use, for the start-up summary and the age gauge. */
    public record Snapshot(String version, Instant builtAt) {
    }

    private final VulnDbProperties properties;
    private final ObjectProvider<VulnDbUpdateSchedule> updater;
    private final Clock clock = Clock.systemUTC();
    private final ConcurrentMap<String, Optional<Instant>> builtAt = new ConcurrentHashMap<>();
    private volatile VulnDb db;
    private volatile VulnerabilityMatcher matcher;

    /** @param updater the in-process updater, when enabled (null or empty: none) */
    public VulnDbMatchers(VulnDbProperties properties, ObjectProvider<VulnDbUpdateSchedule> updater) {
        this.properties = properties;
        this.updater = updater;
    }

    /** The matcher, or empty while there is no snapshot to match against. */
    @Override
    public Optional<VulnerabilityMatcher> get() {
        return Optional.ofNullable(matcher());
    }

    /** What a scan matched against {@code matchedVersion} (null: nothing matched) can be trusted to say. */
    public VulnerabilityStatus status(String matchedVersion) {
        if (matchedVersion != null) {
            return VulnerabilityStatus.judged(matchedVersion, builtAt(matchedVersion), properties.maxAge(), clock.instant());
        }
        if (properties.dir() == null) {
            return new VulnerabilityStatus(VulnerabilityStatus.State.NOT_CHECKED, VulnerabilityStatus.Reason.NO_DB,
                    "no vulnerability DB loaded (layerwatch.vulndb.dir is not set)", null, null);
        }
        VulnDbUpdateSchedule u = updater == null ? null : updater.getIfAvailable();
        return VulnerabilityStatus.notReady(u != null ? u.notReadyReason()
                : "no snapshot in " + properties.dir() + " yet (run layerwatch db update, or set layerwatch.vulndb.update.enabled)");
    }

    /** The snapshot matching uses now, opening the DB if it appeared; empty without one. */
    public Optional<Snapshot> currentSnapshot() {
        if (matcher() == null) {
            return Optional.empty();
        }
        String version = db.current().version();
        return Optional.of(new Snapshot(version, builtAt(version)));
    }

    private Instant builtAt(String version) {
        return builtAt.computeIfAbsent(version, v -> {
            try {
                VulnDbSnapshot current = db.current();
                String text = current.version().equals(v) ? current.info().builtAt() : null;
                return Optional.ofNullable(text).map(Instant::parse);
            } catch (RuntimeException e) {
                log.debug("cannot read when snapshot {} was built", v, e);
                return Optional.empty();
            }
        }).orElse(null);
    }

    private VulnerabilityMatcher matcher() {
        if (properties.dir() == null) {
            return null;
        }
        if (matcher == null) {
            synchronized (this) {
                if (matcher == null) {
                    try {
                        db = VulnDb.open(properties.dir(), properties.checkEvery(), Clock.systemUTC());
                        matcher = new VulnerabilityMatcher(db);
                        log.info("vulnerability DB {} opened at snapshot {}", properties.dir(), db.current().version());
                    } catch (IOException | DateTimeParseException e) {
                        log.debug("no vulnerability matching yet: {}", e.getMessage());
                        return null;
                    }
                }
            }
        }
        return matcher;
    }

    @Override
    public void destroy() {
        VulnDb d = db;
        if (d != null) {
            d.close();
        }
    }
}
