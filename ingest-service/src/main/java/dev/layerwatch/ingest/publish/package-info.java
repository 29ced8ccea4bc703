/**
 * Writes {@code ImagePushed} to Kafka and answers only once the broker acknowledged (acks=all, idempotent producer,
 * bounded wait). The only place that knows the topic name and the producer settings; plus the broker health check.
 */
package dev.layerwatch.ingest.publish;
