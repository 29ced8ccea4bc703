package dev.layerwatch.engine.ecosystem.wolfi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerwatch.common.finding.VulnerabilityFinding;
import dev.layerwatch.engine.advisory.Advisory;
import dev.layerwatch.engine.advisory.FeedReadResult;
import dev.layerwatch.engine.advisory.TestResources;
import dev.layerwatch.engine.catalog.CatalogResult;
import dev.layerwatch.engine.ecosystem.RootfsFixture;
import dev.layerwatch.engine.ecosystem.alpine.ApkDbCataloger;
import dev.layerwatch.engine.ecosystem.os.OsReleaseParser;
import dev.layerwatch.engine.inventory.OsRelease;
import dev.layerwatch.engine.inventory.Package;
import dev.layerwatch.engine.match.VulnerabilityMatcher;
import dev.layerwatch.engine.vulndb.SecdbFeeds;
import dev.layerwatch.engine.vulndb.SnapshotWriter;
import dev.layerwatch.engine.vulndb.VulnDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Wolfi rootfs matched against Wolfi's real secdb, with Alpine's secdb in the same snapshot. */
class WolfiMatchTest {

    @TempDir
    static Path snapshot;
    static VulnDb db;
    static VulnerabilityMatcher matcher;

    @BeforeAll
    static void load() throws Exception {
        try (SnapshotWriter w = SnapshotWriter.create(snapshot)) {
            SecdbFeeds.read(RootfsFixture.root("wolfi/advisories").resolve("security.json"), w::put);
            SecdbFeeds.read(TestResources.path("alpine-secdb/v3.18/main.json"), w::put);
            w.commit();
        }
        db = VulnDb.open(snapshot);
        matcher = new VulnerabilityMatcher(db);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static List<Package> installed() {
        CatalogResult result = RootfsFixture.scan(RootfsFixture.root("wolfi/base"), new ApkDbCataloger());
        assertThat(result.warnings()).isEmpty();
        return result.packages();
    }

    private static OsRelease wolfi() throws Exception {
        Path file = RootfsFixture.root("wolfi/base").resolve("etc/os-release");
        return OsReleaseParser.parse("etc/os-release", Files.readAllBytes(file)).orElseThrow();
    }

    private static List<VulnerabilityFinding> of(List<VulnerabilityFinding> findings, String name) {
        return findings.stream().filter(f -> f.pkg().name().equals(name)).toList();
    }

    @Test
    void wolfiPackagesMatchWolfisFeedOnlyWithGhsaAsAliasesAndFalsePositivesSilenced() throws Exception {
        List<VulnerabilityFinding> findings = matcher.match(installed(), wolfi());
        assertThat(findings).allSatisfy(f -> assertThat(f.source()).isEqualTo(WolfiSecdbParser.SOURCE));
        // libssl3 is built from openssl: every CVE fixed after 3.0.6-r0, once each (GHSAs are aliases, not findings)
        List<VulnerabilityFinding> libssl = of(findings, "libssl3");
        assertThat(libssl).hasSize(22).allSatisfy(f -> assertThat(f.id()).startsWith("CVE-"));
        assertThat(libssl).filteredOn(f -> f.id().equals("CVE-2022-3602")).singleElement().satisfies(f -> {
            assertThat(f.fixedVersions()).containsExactly("3.0.7-r0");
            assertThat(f.aliases()).contains("GHSA-8rwr-x37p-mx23");
        });
        // "0": false-positive determinations, never affected
        assertThat(libssl).extracting(VulnerabilityFinding::id).doesNotContain("CVE-2023-0466", "CVE-2023-4807");
        assertThat(of(findings, "libcrypto3")).hasSize(22);
        assertThat(of(findings, "coreutils")).isEmpty();
        // zlib 1.2.13-r1 is the fix of two CVEs; the 1.3-r1 one remains
        assertThat(of(findings, "zlib")).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo("CVE-2023-45853");
            assertThat(f.fixedVersions()).containsExactly("1.3-r1");
        });
    }

    @Test
    void fixedVersionsAreNotMatched() throws Exception {
        List<Package> fixed = new ArrayList<>();
        for (Package p : installed()) {
            String version = switch (p.sourceNameOrName()) {
                case "openssl" -> "3.2.1-r0";
                case "zlib" -> "1.3-r1";
                default -> p.version();
            };
            fixed.add(new Package(p.name(), version, p.ecosystem(), p.purl(), p.sourceName(), p.sourceVersion(), p.layer(),
                    p.locations(), p.declaredOnly()));
        }
        assertThat(matcher.match(fixed, wolfi())).isEmpty();
    }

    @Test
    void anAlpineImageNeverGetsWolfiRecordsNorTheReverse() throws Exception {
        OsRelease alpine = new OsRelease("alpine", "3.18.4", null, "Alpine Linux v3.18");
        assertThat(matcher.match(installed(), alpine)).isNotEmpty()
                .allSatisfy(f -> assertThat(f.source()).isEqualTo("alpine-secdb"));
        assertThat(matcher.match(installed(), new OsRelease("chainguard", "20230214", null, "Chainguard"))).isEmpty();
    }

    @Test
    void corruptEntriesAreWarningsAndTheRestIsRead() throws Exception {
        List<Advisory> read = new ArrayList<>();
        FeedReadResult result = SecdbFeeds.read(RootfsFixture.root("wolfi").resolve("corrupt-security.json"), read::add);
        assertThat(result.warnings()).singleElement()
                .satisfies(w -> assertThat(w.toString()).contains("packages[0] has no pkg.name or secfixes"));
        assertThat(read).extracting(Advisory::id).containsExactly("CVE-2020-0002");
        List<Advisory> none = new ArrayList<>();
        Path notSecdb = Files.writeString(snapshot.resolve("x.json"), "{\"urlprefix\": \"https://packages.wolfi.dev\"}");
        assertThat(SecdbFeeds.read(notSecdb, none::add).warnings()).isNotEmpty();
        assertThat(none).isEmpty();
    }
}
