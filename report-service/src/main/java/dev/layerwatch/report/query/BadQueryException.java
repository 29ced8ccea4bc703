package dev.layerwatch.report.query;

/** A query parameter that cannot be understood; the API answers 400 naming it. */
public class BadQueryException extends RuntimeException {

    private final String parameter;

    public BadQueryException(String parameter, String value, String reason) {
        super("invalid " + parameter + " '" + value + "': " + reason);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
