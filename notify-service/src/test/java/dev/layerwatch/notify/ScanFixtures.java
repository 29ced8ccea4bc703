package dev.layerwatch.notify;

import dev.layerwatch.common.event.OsSummary;
import dev.layerwatch.common.event.ScanCompleted;
import dev.layerwatch.common.event.ScanSummary;
import dev.layerwatch.common.finding.ConfigFinding;
import dev.layerwatch.common.finding.Cvss;
import dev.layerwatch.common.finding.PackageRef;
import dev.layerwatch.common.finding.SecretFinding;
import dev.layerwatch.common.finding.Severity;
import dev.layerwatch.common.finding.SeverityCounts;
import dev.layerwatch.common.finding.VulnerabilityFinding;
import dev.layerwatch.common.image.Digest;
import dev.layerwatch.common.image.Platform;
import java.time.Instant;
import java.util.List;

/** Hand-built scans with well-known vulnerabilities, as scan-service would report them. */
public final class ScanFixtures {

    public static final Digest DIGEST_V1 = Digest.parse("sha256:" + "a1".repeat(32));
    public static final Digest DIGEST_V2 = Digest.parse("sha256:" + "b2".repeat(32));
    public static final Digest DIGEST_FIXED = Digest.parse("sha256:" + "c3".repeat(32));
    public static final Instant SCANNED_AT = Instant.parse("2026-11-22T10:15:30Z");

    private ScanFixtures() {
    }

    public static VulnerabilityFinding log4Shell() {
        return new VulnerabilityFinding("CVE-2021-44228", List.of("GHSA-jfh8-c2jp-5v3q"),
                new PackageRef("org.apache.logging.log4j:log4j-core", "2.14.1", "maven",
                        "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"),
                List.of("2.15.0"), Severity.CRITICAL,
                new Cvss("3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", 10.0),
                "Apache Log4j2 JNDI features do not protect against attacker controlled LDAP endpoints",
                "osv:Maven", "sha256:" + "0f".repeat(32), "fp-log4j-core-44228");
    }

    public static VulnerabilityFinding log4ShellFollowUp() {
        return new VulnerabilityFinding("CVE-2021-45046", List.of("GHSA-7rjr-3q55-vv33"),
                new PackageRef("org.apache.logging.log4j:log4j-core", "2.14.1", "maven",
                        "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"),
                List.of("2.16.0", "2.12.2"), Severity.CRITICAL, new Cvss("3.1", "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:C/C:H/I:H/A:H", 9.0),
                "Incomplete fix for CVE-2021-44228 in certain non-default configurations",
                "osv:Maven", "sha256:" + "0f".repeat(32), "fp-log4j-core-45046");
    }

    public static VulnerabilityFinding opensslHigh() {
        return new VulnerabilityFinding("CVE-2023-0286", List.of("DSA-5343-1"),
                new PackageRef("libssl3", "3.0.7-1", "deb", "pkg:deb/debian/libssl3@3.0.7-1?distro=debian-12"),
                List.of("3.0.8-1"), Severity.HIGH, null,
                "X.400 address type confusion in X.509 GeneralName", "debian-security-tracker",
                "sha256:" + "1e".repeat(32), "fp-libssl3-0286");
    }

    public static VulnerabilityFinding zlibUnfixedLow() {
        return new VulnerabilityFinding("CVE-2023-45853", List.of(),
                new PackageRef("zlib1g", "1:1.2.13.dfsg-1", "deb", "pkg:deb/debian/zlib1g@1:1.2.13.dfsg-1?distro=debian-12"),
                List.of(), Severity.LOW, null, "MiniZip integer overflow in zipOpenNewFileInZip4_64",
                "debian-security-tracker", "sha256:" + "1e".repeat(32), "fp-zlib1g-45853");
    }

    public static ScanCompleted scan(String eventId, String tag, Digest digest, List<VulnerabilityFinding> findings) {
        return new ScanCompleted(eventId, ScanCompleted.SCHEMA_VERSION, "push-" + eventId, ScanCompleted.Status.SUCCEEDED, null,
                "registry.example.com", "shop/payments", tag, digest, digest, Platform.parse("linux/amd64"),
                new OsSummary("debian", "12", "Debian GNU/Linux 12 (bookworm)", false, null),
                new ScanSummary(214, 7, SeverityCounts.of(findings.stream().map(VulnerabilityFinding::severity).toList()), 1, 1),
                findings,
                List.of(new ConfigFinding("LW-CONFIG-ROOT-USER", Severity.MEDIUM, "Image runs as root", "USER is not set")),
                List.of(new SecretFinding("aws-access-key-id", Severity.HIGH, "AWS access key id", "/app/.env", 3,
                        "sha256:" + "2d".repeat(32), "AKIA****************")),
                List.of(), "2026-11-22.1", "layerwatch 0.1.0", SCANNED_AT);
    }

    /** The log4j image: one critical, one high, one unfixed low. */
    public static ScanCompleted vulnerableScan(String eventId) {
        return scan(eventId, "1.4.2", DIGEST_V1, List.of(zlibUnfixedLow(), opensslHigh(), log4Shell()));
    }

    /** The same scan of another repository, finished {@code laterBy} after the fixtures' scans. */
    public static ScanCompleted elsewhere(ScanCompleted s, String repository, java.time.Duration laterBy) {
        return new ScanCompleted(s.eventId(), s.schemaVersion(), s.causationId(), s.status(), s.error(), s.registry(), repository,
                s.tag(), s.digest(), s.manifestDigest(), s.platform(), s.os(), s.summary(), s.findings(), s.configFindings(),
                s.secrets(), s.warnings(), s.vulnDbVersion(), s.scannerVersion(), s.scannedAt().plus(laterBy));
    }

    public static ScanCompleted failedScan(String eventId) {
        return new ScanCompleted(eventId, ScanCompleted.SCHEMA_VERSION, "push-" + eventId, ScanCompleted.Status.FAILED,
                "fetch manifest registry.example.com/shop/payments:1.4.2: HTTP 401 from registry.example.com",
                "registry.example.com", "shop/payments", "1.4.2", DIGEST_V1, null, null, null, null,
                List.of(), List.of(), List.of(), List.of(), null, "layerwatch 0.1.0", SCANNED_AT);
    }
}
