package dev.layerwatch.engine.ecosystem.rust;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerwatch.engine.catalog.CatalogResult;
import dev.layerwatch.engine.ecosystem.AdvisoryFixture;
import dev.layerwatch.engine.catalog.PackageUrls;
import dev.layerwatch.engine.ecosystem.RootfsFixture;
import dev.layerwatch.engine.inventory.Ecosystem;
import dev.layerwatch.engine.inventory.Package;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cargo.lock (every format version), matched against real GHSA and RUSTSEC crates.io records. */
class RustEcosystemTest {

    @TempDir
    static Path snapshot;
    static AdvisoryFixture advisories;

    private final CargoLockCataloger cargo = new CargoLockCataloger();

    @BeforeAll
    static void load() {
        advisories = AdvisoryFixture.load(snapshot, "rust");
    }

    @AfterAll
    static void close() {
        advisories.close();
    }

    private CatalogResult scan(String fixture) {
        Path root = RootfsFixture.root(fixture);
        CatalogResult result = RootfsFixture.scan(root, cargo);
        assertThat(RootfsFixture.lines(result)).as(fixture).containsExactlyElementsOf(RootfsFixture.expected(root));
        return result;
    }

    private static Package crate(String name, String version) {
        return new Package(name, version, Ecosystem.CARGO, PackageUrls.of(Ecosystem.CARGO, null, name, version), null, null,
                null, List.of("/Cargo.lock"), true);
    }

    @Test
    void everyLockFormatCratesIoSourcesOnly() {
        CatalogResult locked = scan("rust/locked");
        assertThat(locked.warnings()).isEmpty();
        assertThat(locked.packages()).allMatch(Package::declaredOnly);
        // regex 1.11.1 comes from crates.io once and from git once: only the crates.io one is a crates.io release
        assertThat(locked.packages()).filteredOn(p -> p.name().equals("regex")).hasSize(1);
    }

    @Test
    void corruptFilesWarnAndKeepWhatIsReadable() {
        CatalogResult result = scan("rust/corrupt");
        assertThat(result.warnings()).containsExactly(
                "/a/Cargo.lock: a [[package]] table has no name or no version",
                "/b/Cargo.lock: no [[package]] table: not a Cargo.lock");
    }

    @Test
    void realAdvisoriesMatchVulnerableCratesAndNotTheirFixes() {
        CatalogResult app = scan("rust/vulnerable");
        assertThat(app.warnings()).isEmpty();
        assertThat(advisories.lines(app.packages())).containsExactly(
                // GHSA and RUSTSEC for one bug are one finding
                "regex 1.5.4 CVE-2022-24713 fixed [1.5.5]",
                // GHSA last_affected 0.9.6 and the open RUSTSEC range: affected, no fix
                "rsa 0.9.6 CVE-2023-49092 fixed []",
                // RUSTSEC-2020-0071 starts "x.y.z-0" right before each release; 0.1.45 is below the first fix
                "time 0.1.45 CVE-2020-26235 fixed [0.2.0]",
                "tokio 1.13.0 CVE-2021-45710 fixed [1.13.1]");
        // ansi_term is only "unmaintained" (informational), rustls 0.23.0 sits in RUSTSEC-2024-0399's empty interval,
        // hyper 0.14.10 is the fix: none is a finding. Nor are the other fixes.
        assertThat(advisories.lines(List.of(
                crate("regex", "1.5.5"), crate("tokio", "1.13.1"), crate("tokio", "1.8.4"), crate("time", "0.2.23"),
                crate("openssl", "0.10.70"), crate("openssl-src", "111.25.0"), crate("rustls", "0.23.18"),
                crate("dirs", "1.0.0")))).isEmpty();
        // rsa 0.9.7: clean for GHSA (last_affected 0.9.6), still open for RUSTSEC — still a finding, without fix
        assertThat(advisories.lines(List.of(crate("rsa", "0.9.7")))).containsExactly("rsa 0.9.7 CVE-2023-49092 fixed []");
    }
}
