/** A real Redis server process for tests: the embedded module's launcher without persistence, with JUnit access. */
package dev.layerwatch.testkit.redis;
