package dev.layerwatch.engine.registry;

import java.time.Instant;

/** A bearer token and when this client stops trusting it. {@link #toString()} hides the token. */
record BearerToken(String value, Instant expiresAt) {

    boolean usableAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "BearerToken[expiresAt=" + expiresAt + "]";
    }
}
