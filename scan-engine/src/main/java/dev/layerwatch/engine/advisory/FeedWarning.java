package dev.layerwatch.engine.advisory;

/** A record or file a feed reader skipped, with the file (and zip entry) it came from and why. */
public record FeedWarning(String file, String message) {
    @Override
    public String toString() {
        return file + ": " + message;
    }
}
