package dev.layerwatch.engine.report;

/**
 * The image's distribution as reports show it.
 *
 * @param eol     true when the release is past its end of life, false when it is not, null when unknown
 * @param eolDate the end-of-life date (ISO), null when unknown
 */
public record ReportOs(String id, String versionId, String versionCodename, String prettyName, Boolean eol, String eolDate) {
}
