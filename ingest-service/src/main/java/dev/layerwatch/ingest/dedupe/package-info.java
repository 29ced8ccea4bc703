/**
 * Remembers in Redis which sender event ids were already published, so a retried delivery is stored once. Redis is
 * an optimisation here: when it fails, deliveries are accepted and published anyway and downstream dedupes.
 */
package dev.layerwatch.ingest.dedupe;
