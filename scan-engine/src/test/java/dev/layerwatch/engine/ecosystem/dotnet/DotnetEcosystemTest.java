package dev.layerwatch.engine.ecosystem.dotnet;

import static dev.layerwatch.engine.version.VersionOrder.assertAscending;
import static dev.layerwatch.engine.version.VersionOrder.assertEquivalent;
import static dev.layerwatch.engine.version.VersionOrder.assertInvalid;
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

/** deps.json of framework-dependent and self-contained apps, matched against real GHSA NuGet records. */
class DotnetEcosystemTest {

    @TempDir
    static Path snapshot;
    static AdvisoryFixture advisories;

    private final DotnetDepsCataloger deps = new DotnetDepsCataloger();
    private final NugetVersionComparator nuget = new NugetVersionComparator();

    @BeforeAll
    static void load() {
        advisories = AdvisoryFixture.load(snapshot, "dotnet");
    }

    @AfterAll
    static void close() {
        advisories.close();
    }

    private CatalogResult scan(String fixture) {
        Path root = RootfsFixture.root(fixture);
        CatalogResult result = RootfsFixture.scan(root, deps);
        assertThat(RootfsFixture.lines(result)).as(fixture).containsExactlyElementsOf(RootfsFixture.expected(root));
        return result;
    }

    private static Package nugetPackage(String id, String version) {
        return new Package(id, version, Ecosystem.NUGET, PackageUrls.of(Ecosystem.NUGET, null, id, version), null, null,
                null, List.of("/x.deps.json"), false);
    }

    @Test
    void packagesAndRuntimePacksNotProjectsOrReferenceAssemblies() {
        CatalogResult apps = scan("dotnet/apps");
        assertThat(apps.warnings()).isEmpty();
        assertThat(apps.packages()).extracting(Package::name)
                .contains("Microsoft.NETCore.App.Runtime.win-x64", "AWSSDK.Core")
                .doesNotContain("MyApp", "TestLibrary", "Microsoft.AspNetCore.DataProtection");
        // the library key's version, not the assembly version (AWSSDK.Core ships assembly 3.3.0.0)
        assertThat(apps.packages()).filteredOn(p -> p.name().equals("AWSSDK.Core")).singleElement()
                .satisfies(p -> assertThat(p.version()).isEqualTo("3.7.10.6"));
        // every package of the three real apps is at or above its fix
        assertThat(advisories.lines(apps.packages())).isEmpty();
    }

    @Test
    void corruptFilesWarnAndKeepWhatIsReadable() {
        CatalogResult result = scan("dotnet/corrupt");
        assertThat(result.warnings()).hasSize(3);
        assertThat(result.warnings().get(0)).startsWith("/a/TestLibrary.deps.json: not valid JSON: ");
        assertThat(result.warnings().subList(1, 3)).containsExactly(
                "/b/Other.deps.json: no 'libraries' object: not a deps.json",
                "/c/MyApp.deps.json: library 'NoVersion' is not 'Id/Version'");
    }

    @Test
    void realAdvisoriesMatchVulnerablePackagesAndNotTheirFixes() {
        CatalogResult api = scan("dotnet/vulnerable");
        assertThat(api.warnings()).isEmpty();
        assertThat(advisories.lines(api.packages())).containsExactly(
                "Microsoft.AspNetCore.App.Runtime.win-x64 7.0.5 CVE-2023-38180 fixed [7.0.10]",
                "Microsoft.Data.SqlClient 5.1.2 CVE-2024-0056 fixed [5.1.3]",
                "Newtonsoft.Json 12.0.3 CVE-2024-21907 fixed [13.0.1]",
                "System.Text.Encodings.Web 4.5.0 CVE-2021-26701 fixed [4.5.1]",
                "System.Text.Json 8.0.4 CVE-2024-43485 fixed [8.0.5]");
        assertThat(advisories.lines(List.of(
                nugetPackage("Newtonsoft.Json", "13.0.1"),
                nugetPackage("System.Text.Json", "8.0.5"),
                nugetPackage("System.Text.Encodings.Web", "4.5.1.0"),
                nugetPackage("Microsoft.Data.SqlClient", "5.1.3"),
                nugetPackage("Microsoft.AspNetCore.App.Runtime.win-x64", "7.0.10")))).isEmpty();
        // ids are case-insensitive; a prerelease of the fix is below it
        assertThat(advisories.lines(List.of(nugetPackage("newtonsoft.json", "13.0.1-beta1"))))
                .containsExactly("newtonsoft.json 13.0.1-beta1 CVE-2024-21907 fixed [13.0.1]");
    }

    @Test
    void nugetNormalisation() {
        assertEquivalent(nuget, "1.0", "1.0.0", "1.0.0.0", "1.0.0+build.7");
        assertEquivalent(nuget, "1.0.0-RC.1", "1.0.0-rc.1");
        assertAscending(nuget, "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta.2", "1.0.0-beta.11",
                "1.0.0-rc.1", "1.0.0", "1.0.0.1", "1.0.1", "4.5.1", "13.0.1", "13.0.3");
        assertInvalid(nuget, "", "empty");
        assertInvalid(nuget, "1.0.0.0.0", "more than four numbers");
        assertInvalid(nuget, "1.x", "'x' is not a number");
        assertInvalid(nuget, "1.0-", "is not SemVer");
    }
}
