/**
 * Harbor 2.x webhooks in both payload formats: the default ({@code type: PUSH_ARTIFACT}, {@code event_data}) and
 * CloudEvents 1.0 structured mode ({@code type: harbor.artifact.pushed}, {@code data}). The registry host is the
 * host part of {@code resources[].resource_url}.
 */
package dev.layerwatch.ingest.webhook.harbor;
