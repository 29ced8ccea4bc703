package dev.layerwatch.report.query;

import java.util.List;

/** One page of a longer answer; {@code page} is 0-based, {@code total} counts every item. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
