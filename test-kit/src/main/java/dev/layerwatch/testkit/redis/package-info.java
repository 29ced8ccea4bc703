/** A real Redis server process for tests and for the standalone process. */
package dev.layerwatch.testkit.redis;
