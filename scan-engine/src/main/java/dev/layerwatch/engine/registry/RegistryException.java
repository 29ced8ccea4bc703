package dev.layerwatch.engine.registry;

import java.io.IOException;

/**
 * A registry operation failed. Messages name the registry, the repository and the action, e.g.
 * {@code registry 127.0.0.1:5000: pull manifest app:1.0 in app failed: HTTP 404 MANIFEST_UNKNOWN}. An
 * {@link IOException} so that it flows through {@link dev.layerwatch.engine.image.ImageSource} unchanged.
 */
public abstract sealed class RegistryException extends IOException
        permits RegistryUnauthorizedException, RegistryNotFoundException, RegistryRateLimitedException,
        RegistryUnreachableException, RegistryDigestMismatchException, RegistryUnsupportedMediaTypeException,
        RegistryNotAllowedException, RegistryProtocolException {

    private final String registry;
    private final String repository;
    private final String action;

    RegistryException(String registry, String repository, String action, String problem, Throwable cause) {
        super(describe(registry, repository, action) + ": " + problem, cause);
        this.registry = registry;
        this.repository = repository;
        this.action = action;
    }

    static String describe(String registry, String repository, String action) {
        StringBuilder text = new StringBuilder("registry ").append(registry);
        if (action != null) {
            text.append(": ").append(action);
        }
        if (repository != null) {
            text.append(" (repository ").append(repository).append(')');
        }
        return text.append(" failed").toString();
    }

    public String registry() {
        return registry;
    }

    /** Null when the action was not about one repository (ping). */
    public String repository() {
        return repository;
    }

    public String action() {
        return action;
    }
}
