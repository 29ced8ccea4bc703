/** The Go ecosystem (modules and the stdlib): version ordering and the Go-specific parts of cataloging and matching. */
package dev.layerwatch.engine.ecosystem.golang;
