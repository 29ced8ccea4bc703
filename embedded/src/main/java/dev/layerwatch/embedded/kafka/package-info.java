/** An in-JVM Kafka broker (KRaft, Kafka's own server classes) whose log lives in the data directory. */
package dev.layerwatch.embedded.kafka;
