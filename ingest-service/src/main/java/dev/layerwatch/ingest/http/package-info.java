/**
 * The HTTP face of ingest: {@code POST /webhooks/{source}} (and {@code /webhooks/{source}/{secret}}), body size
 * limit, JSON error bodies {@code {"error": …, "status": …}}, latency and per-status metrics.
 */
package dev.layerwatch.ingest.http;
