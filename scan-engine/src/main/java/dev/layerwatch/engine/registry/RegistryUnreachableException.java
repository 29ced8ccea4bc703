package dev.layerwatch.engine.registry;

/** The registry could not be reached, timed out, or answered 5xx after retries. */
public final class RegistryUnreachableException extends RegistryException {

    RegistryUnreachableException(String registry, String repository, String action, String problem) {
        super(registry, repository, action, problem, null);
    }

    RegistryUnreachableException(String registry, String repository, String action, String problem, Throwable cause) {
        super(registry, repository, action, problem, cause);
    }
}
