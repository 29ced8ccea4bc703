/** The Debian ecosystem (dpkg packages): version ordering and the Debian-specific parts of cataloging and matching. */
package dev.layerwatch.engine.ecosystem.debian;
