package dev.layerwatch.engine.ecosystem.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerwatch.engine.catalog.CatalogResult;
import dev.layerwatch.engine.ecosystem.RootfsFixture;
import dev.layerwatch.engine.inventory.Package;
import dev.layerwatch.engine.layer.FileMeta;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PythonCatalogersTest {

    private final PythonMetadataCataloger installed = new PythonMetadataCataloger();
    private final PythonDeclaredCataloger declared = new PythonDeclaredCataloger();

    @Test
    void installedDistributionsFromDistInfoEggInfoAndEggInfoFiles() {
        Path root = RootfsFixture.root("python/installed");
        CatalogResult result = RootfsFixture.scan(root, installed, declared);
        assertThat(result.warnings()).isEmpty();
        assertThat(RootfsFixture.lines(result)).containsExactlyElementsOf(RootfsFixture.expected(root));
        assertThat(result.packages()).noneMatch(Package::declaredOnly);
        assertThat(result.packages()).filteredOn(p -> p.name().equals("PyYAML")).singleElement()
                .satisfies(p -> assertThat(p.locations())
                        .containsExactly("/usr/lib/python3/dist-packages/PyYAML-6.0.dist-info/METADATA"));
    }

    @Test
    void declaredPinsFromRequirementsAndPoetryLock() {
        Path root = RootfsFixture.root("python/declared");
        CatalogResult result = RootfsFixture.scan(root, installed, declared);
        assertThat(result.warnings()).isEmpty();
        assertThat(RootfsFixture.lines(result)).containsExactlyElementsOf(RootfsFixture.expected(root));
        assertThat(result.packages()).allMatch(Package::declaredOnly);
    }

    @Test
    void corruptFilesWarnAndKeepWhatIsReadable() {
        Path root = RootfsFixture.root("python/corrupt");
        CatalogResult result = RootfsFixture.scan(root, installed, declared);
        assertThat(RootfsFixture.lines(result)).containsExactlyElementsOf(RootfsFixture.expected(root));
        assertThat(result.warnings()).containsExactlyInAnyOrder(
                "/app/poetry.lock: a [[package]] table has no name or no version",
                "/app/site/bad.dist-info/METADATA: not a core metadata header line: '\uFFFDPNG'",
                "/app/site/nover.egg-info/PKG-INFO: core metadata has no Name or no Version");
    }

    @Test
    void namesArePep503Normalised() {
        assertThat(PythonPackages.normalise("Zope__Interface.._x")).isEqualTo("zope-interface-x");
        assertThat(installed.wants(new FileMeta("x/foo-1.0.dist-info/RECORD", 1, 0644))).isFalse();
        assertThat(declared.wants(new FileMeta("app/requirements-prod.txt", 1, 0644))).isTrue();
    }
}
