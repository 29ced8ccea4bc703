package dev.layerwatch.report;

import dev.layerwatch.common.event.OsSummary;
import dev.layerwatch.common.event.ScanCompleted;
import dev.layerwatch.common.event.ScanSummary;
import dev.layerwatch.common.finding.PackageRef;
import dev.layerwatch.common.finding.Severity;
import dev.layerwatch.common.finding.SeverityCounts;
import dev.layerwatch.common.finding.VulnerabilityFinding;
import dev.layerwatch.common.image.Digest;
import dev.layerwatch.common.image.Platform;
import dev.layerwatch.common.inventory.InventoryPackage;
import dev.layerwatch.common.inventory.LayerInventory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Scan results shaped like scan-service's for the images the real-image tests build (java-app, whiteout). */
public final class ScanResultFixtures {

    public static final String REGISTRY = "127.0.0.1:5000";
    public static final String LOG4J = "org.apache.logging.log4j:log4j-core";
    public static final List<String> JAVA_APP_PATHS = List.of("/app/lib/log4j-core-2.14.1.jar",
            "/app/vulnapp.jar!/BOOT-INF/lib/log4j-core-2.14.1.jar", "/app/vulnapp-shaded.jar");

    private ScanResultFixtures() {
    }

    public static Digest digest(String seed) {
        try {
            return Digest.sha256(MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static LayerInventory debianBase() {
        List<InventoryPackage> packages = new ArrayList<>();
        for (String[] p : new String[][] {{"base-files", "12.4+deb12u5"}, {"libc6", "2.36-9+deb12u4"}, {"openssl", "3.0.11-1~deb12u2"},
                {"libssl3", "3.0.11-1~deb12u2"}, {"bash", "5.2.15-2+b2"}, {"coreutils", "9.1-1"}}) {
            packages.add(new InventoryPackage(p[0], p[1], "deb", "pkg:deb/debian/" + p[0] + "@" + p[1] + "?distro=debian-12",
                    p[0].startsWith("libssl") ? "openssl" : null, null, List.of("/var/lib/dpkg/status")));
        }
        return new LayerInventory(digest("debian-base-layer").toString(), packages);
    }

    public static InventoryPackage log4j(String version, String path) {
        return new InventoryPackage(LOG4J, version, "maven", "pkg:maven/org.apache.logging.log4j/log4j-core@" + version, null, null,
                List.of(path));
    }

    public static VulnerabilityFinding log4shell(InventoryPackage p, String layer) {
        return new VulnerabilityFinding("CVE-2021-44228", List.of("GHSA-jfh8-c2jp-5v3q"),
                new PackageRef(p.name(), p.version(), p.type(), p.purl(), p.locations().getFirst()), List.of("2.15.0"),
                Severity.CRITICAL, null, "Remote code injection in Log4j", "osv:Maven", layer, null);
    }

    /** java-app: Debian base + an app layer with log4j-core 2.14.1 plain, inside a fat jar and shaded. */
    public static ScanCompleted javaApp(String repository, String tag, Instant at) {
        LayerInventory base = debianBase();
        String appLayer = digest("java-app-layer").toString();
        List<InventoryPackage> app = JAVA_APP_PATHS.stream().map(path -> log4j("2.14.1", path)).toList();
        List<VulnerabilityFinding> findings = app.stream().map(p -> log4shell(p, appLayer)).toList();
        return result(repository, tag, digest("java-app-manifest"), at, List.of(base, new LayerInventory(appLayer, app)), findings);
    }

    /** whiteout: /app/lib holds log4j-core 2.17.1 only (the 2.14.1 jar deleted), fat and shaded copies stay. */
    public static ScanCompleted whiteout(String repository, String tag, Instant at) {
        LayerInventory base = debianBase();
        String lower = digest("whiteout-lower").toString();
        String upper = digest("whiteout-upper").toString();
        List<InventoryPackage> lowerPackages = List.of(log4j("2.14.1", JAVA_APP_PATHS.get(1)), log4j("2.14.1", JAVA_APP_PATHS.get(2)));
        List<InventoryPackage> upperPackages = List.of(log4j("2.17.1", "/app/lib/log4j-core-2.17.1.jar"));
        List<VulnerabilityFinding> findings = lowerPackages.stream().map(p -> log4shell(p, lower)).toList();
        return result(repository, tag, digest("whiteout-manifest"), at,
                List.of(base, new LayerInventory(lower, lowerPackages), new LayerInventory(upper, upperPackages)), findings);
    }

    /** The app without log4j at all: what a fixed push of the tag looks like. */
    public static ScanCompleted fixedApp(String repository, String tag, Instant at) {
        String appLayer = digest("fixed-app-layer").toString();
        return result(repository, tag, digest("fixed-app-manifest"), at,
                List.of(debianBase(), new LayerInventory(appLayer, List.of(log4j("2.17.1", "/app/lib/log4j-core-2.17.1.jar")))), List.of());
    }

    public static ScanCompleted result(String repository, String tag, Digest manifest, Instant at, List<LayerInventory> inventory,
                                       List<VulnerabilityFinding> findings) {
        int packages = inventory.stream().mapToInt(l -> l.packages().size()).sum();
        return new ScanCompleted(UUID.randomUUID().toString(), ScanCompleted.SCHEMA_VERSION, UUID.randomUUID().toString(),
                ScanCompleted.Status.SUCCEEDED, null, REGISTRY, repository, tag, manifest, manifest, Platform.parse("linux/amd64"),
                new OsSummary("debian", "12", "Debian GNU/Linux 12 (bookworm)", false, LocalDate.parse("2028-06-30")),
                new ScanSummary(packages, inventory.size(), SeverityCounts.of(findings.stream().map(VulnerabilityFinding::severity).toList()), 0, 0),
                findings, List.of(), List.of(), List.of(), "2026-12-03T00:00:00Z", "test", at, null, null, null, inventory);
    }
}
