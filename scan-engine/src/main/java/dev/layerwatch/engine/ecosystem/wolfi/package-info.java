/**
 * Wolfi and Chainguard: apk packages matched against their own security feeds ({@code packages.wolfi.dev/os/security.json},
 * Chainguard's equivalent), never against Alpine's. The apk database and version ordering are Alpine's.
 */
package dev.layerwatch.engine.ecosystem.wolfi;
