package dev.layerwatch.engine.registry;

/** The registry answered with a manifest or config type this client does not read (schema 1, artifacts). */
public final class RegistryUnsupportedMediaTypeException extends RegistryException {

    RegistryUnsupportedMediaTypeException(String registry, String repository, String action, String problem) {
        super(registry, repository, action, problem, null);
    }

    RegistryUnsupportedMediaTypeException(String registry, String repository, String action, String problem, Throwable cause) {
        super(registry, repository, action, problem, cause);
    }
}
