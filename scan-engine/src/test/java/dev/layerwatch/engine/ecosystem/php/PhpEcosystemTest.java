package dev.layerwatch.engine.ecosystem.php;

import static dev.layerwatch.engine.version.VersionOrder.assertAscending;
import static dev.layerwatch.engine.version.VersionOrder.assertCompares;
import static dev.layerwatch.engine.version.VersionOrder.assertEquivalent;
import static dev.layerwatch.engine.version.VersionOrder.assertIrregular;
import static org.assertj.core.api.Assertions.assertThat;

import dev.layerwatch.engine.catalog.CatalogResult;
import dev.layerwatch.engine.ecosystem.AdvisoryFixture;
import dev.layerwatch.engine.ecosystem.RootfsFixture;
import dev.layerwatch.engine.inventory.Package;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Composer installed.json (1 and 2) and composer.lock, matched against real GHSA Packagist records. */
class PhpEcosystemTest {

    @TempDir
    static Path snapshot;
    static AdvisoryFixture advisories;

    private final ComposerInstalledCataloger installed = new ComposerInstalledCataloger();
    private final ComposerLockCataloger locked = new ComposerLockCataloger();
    private final ComposerVersionComparator composer = new ComposerVersionComparator();

    @BeforeAll
    static void load() {
        advisories = AdvisoryFixture.load(snapshot, "php");
    }

    @AfterAll
    static void close() {
        advisories.close();
    }

    private CatalogResult scan(String fixture) {
        Path root = RootfsFixture.root(fixture);
        CatalogResult result = RootfsFixture.scan(root, installed, locked);
        assertThat(RootfsFixture.lines(result)).as(fixture).containsExactlyElementsOf(RootfsFixture.expected(root));
        return result;
    }

    @Test
    void composerOneAndTwoInstalledJsonAndComposerLock() {
        for (String fixture : List.of("php/installed-v1", "php/installed-v2", "php/vulnerable")) {
            CatalogResult result = scan(fixture);
            assertThat(result.warnings()).isEmpty();
            assertThat(result.packages()).noneMatch(Package::declaredOnly);
        }
        CatalogResult lock = scan("php/locked");
        assertThat(lock.warnings()).isEmpty();
        assertThat(lock.packages()).allMatch(Package::declaredOnly);
    }

    @Test
    void corruptFilesWarnAndKeepWhatIsReadable() {
        CatalogResult result = scan("php/corrupt");
        assertThat(result.warnings()).hasSize(3);
        assertThat(result.warnings().get(0)).startsWith("/a/vendor/composer/installed.json: not valid JSON: ");
        assertThat(result.warnings().subList(1, 3)).containsExactly(
                "/b/vendor/composer/installed.json: 'packages' is not an array",
                "/c/composer.lock: packages[1] has no name or no version");
    }

    @Test
    void realAdvisoriesMatchVulnerablePackagesAndNotTheirFixes() {
        List<Package> packages = scan("php/vulnerable").packages();
        assertThat(advisories.lines(packages)).containsExactly(
                "guzzlehttp/guzzle 7.4.4 CVE-2022-31090 fixed [7.4.5]",
                // the split package has its own fix (6.20.12) where the monorepo's is 6.20.11
                "illuminate/database v6.20.11 CVE-2021-21263 fixed [6.20.12]",
                "laravel/framework v8.83.27 CVE-2024-52301 fixed [8.83.28]",
                "symfony/http-kernel v5.4.19 CVE-2022-24894 fixed [5.4.20]");
        assertThat(advisories.lines(List.of(
                ComposerPackages.of("guzzlehttp/guzzle", "7.4.5", "/x", false),
                ComposerPackages.of("guzzlehttp/psr7", "v2.4.5", "/x", false),
                ComposerPackages.of("illuminate/database", "6.20.12", "/x", false),
                ComposerPackages.of("laravel/framework", "v8.83.28", "/x", false),
                ComposerPackages.of("Symfony/HTTP-Kernel", "v5.4.20", "/x", false)))).isEmpty();
        // names are case-insensitive on Packagist
        assertThat(advisories.lines(List.of(ComposerPackages.of("Symfony/HTTP-Kernel", "v5.4.19", "/x", false))))
                .containsExactly("Symfony/HTTP-Kernel v5.4.19 CVE-2022-24894 fixed [5.4.20]");
    }

    @Test
    void composerNormalisationThenVersionCompare() {
        assertThat(ComposerVersionComparator.normalize("v1.8.1")).isEqualTo("1.8.1.0");
        assertThat(ComposerVersionComparator.normalize("2.0-RC1")).isEqualTo("2.0.0.0-RC1");
        assertThat(ComposerVersionComparator.normalize("1.0.0-beta.2")).isEqualTo("1.0.0.0-beta2");
        assertThat(ComposerVersionComparator.normalize("1.0.0+build.5")).isEqualTo("1.0.0.0");
        assertEquivalent(composer, "1.0", "1.0.0", "v1.0.0.0", "1.0.0+meta");
        assertAscending(composer, "1.0.0-dev", "1.0.0-alpha1", "1.0.0-beta1", "1.0.0-beta2", "1.0.0-RC1", "1.0.0",
                "1.0.0-p1", "1.0.1", "1.10.0", "v6.20.11", "6.20.12", "20240101");
        assertIrregular(composer, "dev-main", "cannot normalise 'dev-main'");
        // PHP's version_compare puts an unknown word below every number
        assertCompares(composer, "dev-main", "0.0.1", -1);
    }
}
