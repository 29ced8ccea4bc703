/**
 * ingest-service: registry push webhooks in, {@code image-pushed.v1} out, acknowledged to the sender only once
 * Kafka stored the event. {@link dev.layerwatch.ingest.IngestConfiguration} binds the properties; the packages
 * below are component-scanned.
 */
package dev.layerwatch.ingest;
