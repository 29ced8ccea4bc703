package dev.layerwatch.ingest;

import dev.layerwatch.ingest.auth.IngestAuthProperties;
import dev.layerwatch.ingest.dedupe.IngestDedupeProperties;
import dev.layerwatch.ingest.http.IngestWebhookProperties;
import dev.layerwatch.ingest.publish.IngestPublisherProperties;
import dev.layerwatch.ingest.registry.IngestRegistriesProperties;
import dev.layerwatch.ingest.intake.IngestLimitsProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds ingest's property records; everything else is component-scanned under dev.layerwatch.ingest. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({IngestAuthProperties.class, IngestDedupeProperties.class, IngestWebhookProperties.class,
        IngestPublisherProperties.class, IngestRegistriesProperties.class, IngestLimitsProperties.class})
public class IngestConfiguration {
}
