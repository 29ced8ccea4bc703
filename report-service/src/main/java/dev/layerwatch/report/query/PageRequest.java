package dev.layerwatch.report.query;

/** A page asked for, with the size already capped by the API. */
public record PageRequest(int page, int size) {
    public PageRequest {
        if (page < 0) {
            throw new BadQueryException("page", String.valueOf(page), "must be 0 or more");
        }
        if (size < 1) {
            throw new BadQueryException("size", String.valueOf(size), "must be 1 or more");
        }
    }

    public long offset() {
        return (long) page * size;
    }
}
