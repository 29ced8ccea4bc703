/** A real in-JVM Kafka broker (KRaft) for tests and for the standalone process. */
package dev.layerwatch.testkit.kafka;
