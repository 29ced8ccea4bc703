/** A real PostgreSQL server for tests, started through the production launcher ({@code dev.layerwatch.embedded.postgres}). */
package dev.layerwatch.testkit.postgres;
