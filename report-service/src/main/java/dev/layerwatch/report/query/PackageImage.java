package dev.layerwatch.report.query;

import java.util.List;

/** One copy of a package in one stored image; {@code tags} are the tags whose newest scan is this image. */
public record PackageImage(String registry, String repository, List<String> tags, String platform, String digest,
                           String manifestDigest, String packageName, String version, String purl, String path, String layer) {
}
