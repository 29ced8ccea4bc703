package dev.layerwatch.report.query;

import java.time.Instant;
import java.util.List;

/**
 * One package copy in one image that has the vulnerability.
 *
 * @param fixedInNewerTag another tag of the same repository, scanned later, no longer has it
 */
public record AffectedImage(String registry, String repository, String tag, String platform, String digest,
                            String manifestDigest, String vulnerability, List<String> aliases, String packageName,
                            String packageVersion, String packageType, String purl, String path, String severity,
                            List<String> fixedVersions, Instant firstSeen, Instant lastSeen, boolean fixedInNewerTag) {
}
