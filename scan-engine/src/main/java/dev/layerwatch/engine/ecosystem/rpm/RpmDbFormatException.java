package dev.layerwatch.engine.ecosystem.rpm;

/** An rpm database or header blob that does not follow its format; becomes a warning, never a crash. */
final class RpmDbFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    RpmDbFormatException(String message) {
        super(message);
    }

    RpmDbFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
