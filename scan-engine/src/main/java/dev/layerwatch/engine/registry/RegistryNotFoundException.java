package dev.layerwatch.engine.registry;

/** The repository, manifest or blob does not exist (404). */
public final class RegistryNotFoundException extends RegistryException {

    RegistryNotFoundException(String registry, String repository, String action, String problem) {
        super(registry, repository, action, problem, null);
    }

    RegistryNotFoundException(String registry, String repository, String action, String problem, Throwable cause) {
        super(registry, repository, action, problem, cause);
    }
}
