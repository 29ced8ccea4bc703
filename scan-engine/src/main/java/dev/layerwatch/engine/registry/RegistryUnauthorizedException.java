package dev.layerwatch.engine.registry;

/** Credentials are missing or were refused (401/403, or the token server said no). */
public final class RegistryUnauthorizedException extends RegistryException {

    RegistryUnauthorizedException(String registry, String repository, String action, String problem) {
        super(registry, repository, action, problem, null);
    }

    RegistryUnauthorizedException(String registry, String repository, String action, String problem, Throwable cause) {
        super(registry, repository, action, problem, cause);
    }
}
