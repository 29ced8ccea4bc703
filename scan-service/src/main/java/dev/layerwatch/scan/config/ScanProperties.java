package dev.layerwatch.scan.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Scan worker settings ({@code layerwatch.scan.*}).
 *
 * @param layerCacheTtl   how long a per-layer result stays in Redis (layers are immutable: long is fine)
 * @param layerLeaseTtl   how long one worker holds a layer before another may take it over (a crashed worker's lease expires)
 * @param leaseWait       how long a worker waits for another worker's lease on the same layer before analysing it itself
 * @param maxFileSize     the largest file a cataloger may read
 * @param maxLayerSize    the largest uncompressed layer analysed; beyond it the layer fails with a warning
 */
@ConfigurationProperties("layerwatch.scan")
public record ScanProperties(
        @DefaultValue("30d") Duration layerCacheTtl,
        @DefaultValue("10m") Duration layerLeaseTtl,
        @DefaultValue("2m") Duration leaseWait,
        @DefaultValue("512MB") DataSize maxFileSize,
        @DefaultValue("32GB") DataSize maxLayerSize) {
}
