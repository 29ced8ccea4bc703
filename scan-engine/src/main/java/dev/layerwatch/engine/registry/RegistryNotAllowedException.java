package dev.layerwatch.engine.registry;

/**
 * The reference names a registry that is not configured: refused before any connection is made, so that a
 * webhook or an argument cannot make the scanner contact an arbitrary host.
 */
public final class RegistryNotAllowedException extends RegistryException {

    RegistryNotAllowedException(String registry, String action) {
        super(registry, null, action, "registry '" + registry + "' is not configured; only configured registries are contacted"
                + " (add it under layerwatch.registries, or name it explicitly on the command line)", null);
    }
}
