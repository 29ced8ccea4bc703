package dev.layerwatch.ingest.http;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param maxBodySize     larger bodies are refused with 413 before they are parsed
 * @param bodyReadTimeout the whole body must arrive within this (408 otherwise): a client trickling bytes keeps
 *                        a connection no longer than this plus the connector's idle timeout
 */
@ConfigurationProperties("layerwatch.ingest.webhook")
public record IngestWebhookProperties(DataSize maxBodySize, Duration bodyReadTimeout) {

    public IngestWebhookProperties {
        maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(1) : maxBodySize;
        bodyReadTimeout = bodyReadTimeout == null ? Duration.ofSeconds(10) : bodyReadTimeout;
    }

}
