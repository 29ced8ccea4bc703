package dev.layerwatch.engine.ecosystem.ruby;

import static dev.layerwatch.engine.version.VersionOrder.assertAscending;
import static dev.layerwatch.engine.version.VersionOrder.assertEquivalent;
import static dev.layerwatch.engine.version.VersionOrder.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.layerwatch.engine.catalog.CatalogResult;
import dev.layerwatch.engine.ecosystem.AdvisoryFixture;
import dev.layerwatch.engine.ecosystem.RootfsFixture;
import dev.layerwatch.engine.inventory.Package;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Installed gem specifications and Gemfile.lock, matched against real GHSA RubyGems records. */
class RubyEcosystemTest {

    @TempDir
    static Path snapshot;
    static AdvisoryFixture advisories;

    private final GemspecCataloger installed = new GemspecCataloger();
    private final GemfileLockCataloger locked = new GemfileLockCataloger();
    private final RubyGemsVersionComparator gem = new RubyGemsVersionComparator();

    @BeforeAll
    static void load() {
        advisories = AdvisoryFixture.load(snapshot, "ruby");
    }

    @AfterAll
    static void close() {
        advisories.close();
    }

    @Test
    void installedSpecificationsIncludingAPlatformGem() {
        Path root = RootfsFixture.root("ruby/installed");
        CatalogResult result = RootfsFixture.scan(root, installed, locked);
        assertThat(result.warnings()).isEmpty();
        assertThat(RootfsFixture.lines(result)).containsExactlyElementsOf(RootfsFixture.expected(root));
        assertThat(result.packages()).noneMatch(Package::declaredOnly);
    }

    @Test
    void gemfileLockGemSectionOnly() {
        Path root = RootfsFixture.root("ruby/locked");
        CatalogResult result = RootfsFixture.scan(root, installed, locked);
        assertThat(result.warnings()).isEmpty();
        assertThat(RootfsFixture.lines(result)).containsExactlyElementsOf(RootfsFixture.expected(root));
        assertThat(result.packages()).allMatch(Package::declaredOnly).noneMatch(p -> p.name().equals("turbolinks"));
    }

    @Test
    void corruptFilesWarnAndKeepWhatIsReadable() {
        Path root = RootfsFixture.root("ruby/corrupt");
        CatalogResult result = RootfsFixture.scan(root, installed, locked);
        assertThat(RootfsFixture.lines(result)).containsExactlyElementsOf(RootfsFixture.expected(root));
        assertThat(result.warnings()).containsExactlyInAnyOrder(
                "/srv/Gemfile.lock: line 5 is not a 'name (version)' spec",
                "/srv/Gemfile.lock: line 6 is not a 'name (version)' spec",
                "/srv/other/Gemfile.lock: no GEM, PATH or GIT section: not a Gemfile.lock",
                "/usr/local/bundle/specifications/broken-1.0.gemspec: gem specification has no s.name or no s.version",
                "/usr/local/bundle/specifications/garbage-0.1.gemspec: gem specification has no s.name or no s.version");
    }

    @Test
    void realAdvisoriesMatchVulnerableGemsAndNotTheirFixes() {
        List<Package> packages = new ArrayList<>();
        packages.addAll(RootfsFixture.scan(RootfsFixture.root("ruby/installed"), installed, locked).packages());
        packages.addAll(RootfsFixture.scan(RootfsFixture.root("ruby/locked"), installed, locked).packages());
        assertThat(advisories.lines(packages)).containsExactly(
                // Rails LTS fixed 5.2 in 5.2.8.15, not public: 4.1.1 gets that fix offered
                "actionpack 4.1.1 CVE-2023-22795 fixed [5.2.8.15]",
                "rack 1.5.2 CVE-2022-30123 fixed [2.0.9.1]",
                // introduced "2.2": Gem::Version 2.2 == 2.2.0, so 2.2.3 is inside
                "rack 2.2.3 CVE-2022-30123 fixed [2.2.3.1]");
        // the fixed versions themselves, and nokogiri 1.16.5 (the fix of GHSA-r95h, above every other range)
        assertThat(advisories.lines(List.of(
                RubyPackages.of("rack", "2.2.3.1", "/x", false),
                RubyPackages.of("rack", "2.0.9.1", "/x", false),
                RubyPackages.of("actionpack", "6.1.7.1", "/x", false),
                RubyPackages.of("actionpack", "7.0.4.1", "/x", false),
                RubyPackages.of("nokogiri", "1.16.5", "/x", false)))).isEmpty();
        // a prerelease of a fix is still below it
        assertThat(advisories.lines(List.of(RubyPackages.of("nokogiri", "1.16.5.rc1", "/x", false))))
                .containsExactly("nokogiri 1.16.5.rc1 GHSA-r95h-9x8f-r3f7 fixed [1.16.5]");
    }

    @Test
    void gemVersionOrdering() {
        assertEquivalent(gem, "2.1", "2.1.0", "2.1.0.0");
        assertEquivalent(gem, "1.0.a", "1.0.a.0", "1.0a");
        assertEquivalent(gem, "1.0-1", "1.0.pre.1");
        assertAscending(gem, "0", "1.0.a1", "1.0.b1", "1.0.pre", "1.0.pre.1", "1.0.rc1", "1.0", "1.0.0.1", "1.0.1",
                "1.14.0.rc1", "1.14.0", "1.14.0.1", "5.2.8.15", "10");
        assertEquivalent(gem, "", "0", "0.0");
        assertInvalid(gem, "1..0", "Malformed version number string");
        assertInvalid(gem, "junk", "Malformed version number string");
        assertInvalid(gem, "1.0 beta", "Malformed version number string");
    }
}
