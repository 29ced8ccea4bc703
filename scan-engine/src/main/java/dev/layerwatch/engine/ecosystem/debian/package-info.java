/** Debian packages: the dpkg status database and the per-package status.d files of distroless images. */
package dev.layerwatch.engine.ecosystem.debian;
