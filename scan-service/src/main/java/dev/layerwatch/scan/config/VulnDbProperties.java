package dev.layerwatch.scan.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The vulnerability database scan-service matches against ({@code layerwatch.vulndb.*}).
 *
 * @param dir        the directory {@code layerwatch db import/update} writes; unset: scans are NOT_CHECKED (no DB)
 * @param checkEvery how often the snapshot pointer is re-read, so a newer snapshot is used without a restart
 * @param maxAge     a snapshot built longer ago than this makes scans NOT_CHECKED ("DB is N days old"), findings kept
 * @param update     the built-in updater (the standalone turns it on): fetch the feeds into {@code dir} at start and on a schedule
 */
@ConfigurationProperties("layerwatch.vulndb")
public record VulnDbProperties(Path dir, @DefaultValue("30s") Duration checkEvery, @DefaultValue("7d") Duration maxAge,
                               @DefaultValue Update update) {

    /**
     * @param enabled     run the updater in this process
     * @param every       how often after the first run
     * @param osvBase     OSV bucket base (default: the public one)
     * @param alpineSecdb Alpine secdb URLs (default: the public ones)
     * @param debianTracker Debian security tracker JSON (default: the public one)
     */
    public record Update(@DefaultValue("false") boolean enabled, @DefaultValue("6h") Duration every, URI osvBase,
                         List<URI> alpineSecdb, URI debianTracker) {
    }
}
