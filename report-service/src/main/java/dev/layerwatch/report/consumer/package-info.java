/**
 * The {@code scan-completed.v1} consumer: one record, one transaction. An unreadable record goes to the DLQ with the
 * reason in its headers and the partition moves on; a database failure is retried without end from the same offset
 * (nothing is committed, nothing skipped) until PostgreSQL is back.
 */
package dev.layerwatch.report.consumer;
