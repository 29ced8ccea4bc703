/**
 * Real servers for tests and for the standalone process: an in-JVM Kafka broker, a redis-server process, and
 * (package {@code registry}) Debian's docker-registry process with an image pusher.
 */
package dev.layerwatch.testkit;
