package dev.layerwatch.engine.match;

import dev.layerwatch.engine.inventory.Package;

/**
 * One lookup for one package: the namespace and name the feeds use for it and the version to compare
 * (the source version for OS packages, {@code go1.21.3} → {@code 1.21.3} for the Go toolchain).
 */
record PackageQuery(Package pkg, String namespace, String name, String version) {
}
