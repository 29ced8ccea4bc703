/** A real in-JVM Kafka broker (KRaft) for tests: the embedded module's broker on a temp log, with JUnit access. */
package dev.layerwatch.testkit.kafka;
