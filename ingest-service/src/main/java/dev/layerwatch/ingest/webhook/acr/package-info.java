/**
 * Azure Container Registry classic webhooks: one distribution-like event per request (no {@code events}
 * envelope), actions {@code push}, {@code delete}, {@code chart_push}, {@code chart_delete}, {@code quarantine}.
 * The registry host is {@code request.host}.
 */
package dev.layerwatch.ingest.webhook.acr;
