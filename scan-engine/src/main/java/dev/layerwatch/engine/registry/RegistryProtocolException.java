package dev.layerwatch.engine.registry;

/** The registry answered something the distribution protocol does not allow (unexpected status, malformed JSON). */
public final class RegistryProtocolException extends RegistryException {

    RegistryProtocolException(String registry, String repository, String action, String problem) {
        super(registry, repository, action, problem, null);
    }

    RegistryProtocolException(String registry, String repository, String action, String problem, Throwable cause) {
        super(registry, repository, action, problem, cause);
    }
}
