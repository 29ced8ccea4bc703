package dev.layerwatch.scan.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The vulnerability database scan-service matches against ({@code layerwatch.vulndb.*}).
 *
 * @param dir        the directory {@code layerwatch db import/update} writes; unset: scans report no vulnerabilities
 * @param checkEvery how often the snapshot pointer is re-read, so a newer snapshot is used without a restart
 */
@ConfigurationProperties("layerwatch.vulndb")
public record VulnDbProperties(Path dir, @DefaultValue("30s") Duration checkEvery) {
}
