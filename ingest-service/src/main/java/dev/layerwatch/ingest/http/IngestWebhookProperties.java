package dev.layerwatch.ingest.http;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** @param maxBodySize larger bodies are refused with 413 before they are parsed */
@ConfigurationProperties("layerwatch.ingest.webhook")
public record IngestWebhookProperties(DataSize maxBodySize) {

    public IngestWebhookProperties {
        maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(1) : maxBodySize;
    }
}
