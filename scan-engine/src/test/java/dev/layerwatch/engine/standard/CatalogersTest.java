package dev.layerwatch.engine.standard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerwatch.engine.catalog.CatalogResult;
import dev.layerwatch.engine.catalog.PackageCataloger;
import dev.layerwatch.engine.ecosystem.RootfsFixture;
import dev.layerwatch.engine.inventory.Package;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CatalogersTest {

    @Test
    void namesAreUniqueAndVersionsPositive() {
        List<PackageCataloger> all = Catalogers.all();
        assertThat(all).extracting(PackageCataloger::name).doesNotHaveDuplicates()
                .contains("apk", "dpkg", "rpm", "java-archive", "npm-package-json", "npm-lockfile",
                        "python-metadata", "python-declared", "go-binary");
        assertThat(all).allSatisfy(c -> assertThat(c.version()).isPositive());
    }

    /**
     * Every fixture, corrupt ones included, through every cataloger at once, as the walker will do: no
     * exception, no layer set, every package with a purl of its ecosystem's type and a leading-slash
     * location, and no OS purl with a distro qualifier (the engine adds it).
     */
    @Test
    void allCatalogersOverAllFixtures() throws IOException {
        List<Package> packages = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        try (Stream<Path> ecosystems = Files.list(Path.of("src/test/resources/ecosystem"))) {
            for (Path ecosystem : ecosystems.filter(Files::isDirectory).toList()) {
                try (Stream<Path> cases = Files.list(ecosystem)) {
                    for (Path root : cases.filter(Files::isDirectory).toList()) {
                        CatalogResult result = RootfsFixture.scan(root, Catalogers.all().toArray(PackageCataloger[]::new));
                        packages.addAll(result.packages());
                        warnings.addAll(result.warnings());
                    }
                }
            }
        }
        // the real dpkg status alone holds hundreds
        assertThat(packages).hasSizeGreaterThan(800);
        for (Package p : packages) {
            assertThat(p.layer()).isNull();
            assertThat(p.purl()).startsWith("pkg:" + p.ecosystem().purlType() + "/").doesNotContain("distro=");
            assertThat(p.locations()).isNotEmpty().allSatisfy(l -> assertThat(l).startsWith("/"));
        }
        assertThat(warnings).isNotEmpty().allSatisfy(w -> assertThat(w).startsWith("/"));
    }
}
