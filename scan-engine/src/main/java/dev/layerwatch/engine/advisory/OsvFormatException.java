package dev.layerwatch.engine.advisory;

/** A feed file that is readable but not a usable record; the reader turns it into a {@link FeedWarning}. */
public class OsvFormatException extends IllegalArgumentException {
    public OsvFormatException(String message) {
        super(message);
    }
}
