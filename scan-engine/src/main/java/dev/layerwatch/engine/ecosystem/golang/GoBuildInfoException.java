package dev.layerwatch.engine.ecosystem.golang;

/** Go build information that is present but cannot be decoded; becomes a warning for the file. */
final class GoBuildInfoException extends Exception {

    private static final long serialVersionUID = 1L;

    GoBuildInfoException(String message) {
        super(message);
    }
}
