package dev.layerwatch.engine.vulndb;

/**
 * What the last successful download of one feed returned, stored inside the snapshot it was built
 * into (so conditional requests always describe the data actually in use).
 *
 * @param syncedAt RFC 3339 time of the newest record seen (OSV {@code modified_id.csv}) or of the download
 */
public record FeedState(String feed, String etag, String lastModified, String syncedAt) {
}
