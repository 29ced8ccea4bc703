package dev.layerwatch.scan.pipeline;

import dev.layerwatch.engine.match.VulnerabilityMatcher;
import dev.layerwatch.engine.vulndb.VulnDb;
import dev.layerwatch.scan.config.VulnDbProperties;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The engine's matcher over the current vulnerability snapshot of {@code layerwatch.vulndb.dir}. The directory
 * may be empty when the worker starts (the updater has not run yet): scans then carry no findings, and the
 * database is opened as soon as a snapshot appears. Newer snapshots are switched to by {@link VulnDb} itself.
 */
@Component
public class VulnDbMatchers implements Supplier<Optional<VulnerabilityMatcher>>, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(VulnDbMatchers.class);

    private final VulnDbProperties properties;
    private volatile VulnDb db;
    private volatile VulnerabilityMatcher matcher;

    public VulnDbMatchers(VulnDbProperties properties) {
        this.properties = properties;
    }

    /** The matcher, or empty while there is no snapshot to match against. */
    @Override
    public Optional<VulnerabilityMatcher> get() {
        return Optional.ofNullable(matcher());
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
                    } catch (IOException e) {
                        log.warn("no vulnerability matching yet: {}", e.getMessage());
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
