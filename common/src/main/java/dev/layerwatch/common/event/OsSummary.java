package dev.layerwatch.common.event;

import java.time.LocalDate;

/** The operating system an image is built on; {@code eolDate} null when unknown. */
public record OsSummary(String id, String versionId, String prettyName, boolean eol, LocalDate eolDate) {
}
