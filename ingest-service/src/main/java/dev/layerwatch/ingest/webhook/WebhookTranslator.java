package dev.layerwatch.ingest.webhook;

/**
 * Turns one sender's payload into image pushes. Pure: no I/O, no clock, no Spring. Anything unreadable is an
 * {@link InvalidWebhookException} naming the field; anything else that is not an image push is an ignore reason.
 */
@FunctionalInterface
public interface WebhookTranslator {

    Translation translate(WebhookDelivery delivery);
}
