/**
 * Real servers for tests: an in-JVM Kafka broker and a redis-server process (the {@code embedded} module's
 * launchers, which the standalone runs durably), and
 * (package {@code registry}) Debian's docker-registry process with an image pusher.
 */
package dev.layerwatch.testkit;
