/**
 * The contract every webhook flavour implements: a {@link dev.layerwatch.ingest.webhook.WebhookTranslator} turns one
 * sender's JSON into {@code ImagePushed} events or counted ignore reasons. Also the one explicit list of flavours
 * ({@link dev.layerwatch.ingest.webhook.WebhookSources}) and the media-type rules they share.
 */
package dev.layerwatch.ingest.webhook;
