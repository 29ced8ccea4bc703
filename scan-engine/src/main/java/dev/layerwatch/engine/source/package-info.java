/**
 * Where images come from besides a registry: OCI image layouts, {@code docker save} archives and plain
 * root-filesystem directories, plus {@link dev.layerwatch.engine.source.Targets}, which turns a CLI
 * target string into an {@link dev.layerwatch.engine.image.ImageSource}.
 */
package dev.layerwatch.engine.source;
