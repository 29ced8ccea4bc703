/** Ingest's Micrometer meters: per-source counters of what came in and what became of it, and the latency timer. */
package dev.layerwatch.ingest.metrics;
