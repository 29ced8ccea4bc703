/**
 * Google Artifact Registry / Container Registry notifications (Pub/Sub topic {@code gcr}) delivered by a push
 * subscription: the envelope {@code {"message":{"data":<base64>,"messageId":…},"subscription":…}} whose data holds
 * {@code action} (INSERT, DELETE) and full image references in {@code digest} and {@code tag}.
 */
package dev.layerwatch.ingest.webhook.gar;
