package dev.layerwatch.engine.registry;

import dev.layerwatch.common.image.Digest;

/** The bytes received do not hash to the digest they were requested by (or the registry announced). */
public final class RegistryDigestMismatchException extends RegistryException {

    private final Digest expected;
    private final Digest actual;

    RegistryDigestMismatchException(String registry, String repository, String action, Digest expected, Digest actual) {
        super(registry, repository, action, "content digest mismatch: expected " + expected + " but the bytes received hash to " + actual, null);
        this.expected = expected;
        this.actual = actual;
    }

    public Digest expected() {
        return expected;
    }

    public Digest actual() {
        return actual;
    }
}
