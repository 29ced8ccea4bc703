package dev.layerwatch.report.query;

/** The thing asked about is not in the store; the API answers 404. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
