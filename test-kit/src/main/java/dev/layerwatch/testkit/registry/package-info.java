/**
 * A real OCI registry for tests: {@link dev.layerwatch.testkit.registry.RegistryServerExtension} runs Debian's
 * {@code docker-registry} process (optionally behind htpasswd or token auth, with notifications), and
 * {@link dev.layerwatch.testkit.registry.ImagePusher} builds images from rootfs-shaped directories and pushes
 * them over plain HTTP, so tests need neither Docker nor skopeo.
 */
package dev.layerwatch.testkit.registry;
