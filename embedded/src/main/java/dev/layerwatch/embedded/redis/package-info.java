/** A redis-server child process, durable (AOF) in the data directory, capped, and restarted when it dies. */
package dev.layerwatch.embedded.redis;
