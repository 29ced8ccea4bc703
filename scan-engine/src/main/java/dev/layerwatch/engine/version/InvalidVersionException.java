package dev.layerwatch.engine.version;

/** A version string that its scheme cannot parse; the message names the scheme and the version. */
public class InvalidVersionException extends IllegalArgumentException {
    public InvalidVersionException(String scheme, String version, String reason) {
        super("invalid " + scheme + " version '" + version + "': " + reason);
    }
}
