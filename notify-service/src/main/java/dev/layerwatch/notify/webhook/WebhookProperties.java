package dev.layerwatch.notify.webhook;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Webhook settings under {@code layerwatch.notify.webhook}.
 *
 * @param url    where events are POSTed
 * @param secret HMAC-SHA256 key; the hex signature goes in {@code X-Layerwatch-Signature: sha256=<hex>}
 * @param source the CloudEvents {@code source} attribute
 */
@ConfigurationProperties("layerwatch.notify.webhook")
public record WebhookProperties(URI url, String secret, String source) {

    public WebhookProperties {
        url = url == null || url.toString().isBlank() ? null : url;
        source = source == null || source.isBlank() ? "urn:layerwatch:notify-service" : source;
    }

    public boolean configured() {
        return url != null;
    }
}
