package dev.layerwatch.ingest.dedupe;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param ttl how long a published sender event id is remembered; longer than any sender retries the same event
 *            (distribution retries without limit while the endpoint fails, Pub/Sub up to its retention)
 */
@ConfigurationProperties("layerwatch.ingest.dedupe")
public record IngestDedupeProperties(Duration ttl, String keyPrefix) {

    public IngestDedupeProperties {
        ttl = ttl == null ? Duration.ofHours(24) : ttl;
        keyPrefix = keyPrefix == null || keyPrefix.isBlank() ? "layerwatch:ingest:delivered:" : keyPrefix;
    }
}
