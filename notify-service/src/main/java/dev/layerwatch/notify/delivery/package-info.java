/**
 * Getting a notification to its target exactly once: the HTTP transport and its one status-to-failure
 * mapping, the Resilience4j decorations per target, the Redis ledger (idempotency and what was
 * announced), and the retry and dead-letter records.
 */
package dev.layerwatch.notify.delivery;
