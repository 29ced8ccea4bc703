package dev.layerwatch.engine.ecosystem.debian;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.packageurl.PackageURL;
import dev.layerwatch.engine.catalog.CatalogResult;
import dev.layerwatch.engine.ecosystem.RootfsFixture;
import dev.layerwatch.engine.inventory.Package;
import dev.layerwatch.engine.layer.FileMeta;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DpkgStatusCatalogerTest {

    private final DpkgStatusCataloger cataloger = new DpkgStatusCataloger();

    @Test
    void statusFileKeepsOnlyInstalledStanzasWithEpochsAndSources() {
        Path root = RootfsFixture.root("debian/status-mixed");
        CatalogResult result = RootfsFixture.scan(root, cataloger);
        assertThat(RootfsFixture.lines(result)).containsExactlyElementsOf(RootfsFixture.expected(root));
        assertThat(result.warnings()).isEmpty();
        Package bsdutils = result.packages().stream().filter(p -> p.name().equals("bsdutils")).findFirst().orElseThrow();
        assertThat(bsdutils.sourceName()).isEqualTo("util-linux");
        assertThat(bsdutils.sourceVersion()).isEqualTo("2.38.1-5+deb12u3");
        assertThat(bsdutils.locations()).containsExactly("/var/lib/dpkg/status");
        assertThat(bsdutils.layer()).isNull();
        Package gcc = result.packages().stream().filter(p -> p.name().equals("libgcc-s1")).findFirst().orElseThrow();
        assertThat(gcc.sourceName()).isEqualTo("gcc-12");
        assertThat(gcc.sourceVersion()).as("same as the binary version").isNull();
    }

    @Test
    void distrolessStatusDirectorySkipsMd5sums() {
        Path root = RootfsFixture.root("debian/distroless");
        CatalogResult result = RootfsFixture.scan(root, cataloger);
        assertThat(RootfsFixture.lines(result)).containsExactlyElementsOf(RootfsFixture.expected(root));
        assertThat(cataloger.wants(new FileMeta("var/lib/dpkg/status.d/libssl3.md5sums", 10, 0644))).isFalse();
        assertThat(cataloger.wants(new FileMeta("var/lib/dpkg/status-old", 10, 0644))).isFalse();
        assertThat(result.packages()).allSatisfy(p -> assertThat(p.locations().get(0)).startsWith("/var/lib/dpkg/status.d/"));
    }

    @Test
    void corruptStatusWarnsAndKeepsTheReadableStanzas() {
        Path root = RootfsFixture.root("debian/corrupt");
        CatalogResult result = RootfsFixture.scan(root, cataloger);
        assertThat(RootfsFixture.lines(result)).containsExactlyElementsOf(RootfsFixture.expected(root));
        assertThat(result.warnings()).hasSize(3).allSatisfy(w -> assertThat(w).startsWith("/var/lib/dpkg/status: "));
        assertThat(result.warnings()).anySatisfy(w -> assertThat(w).contains("no Package or no Version"));
    }

    /**
     * real-status/var/lib/dpkg/status is this Debian build machine's /var/lib/dpkg/status, and
     * real-status/dpkg-query.txt the output of {@code dpkg-query -W -f '${Package} ${Version}\n'} captured
     * at the same moment: the cataloger must list exactly what dpkg itself lists.
     */
    @Test
    void realStatusFileMatchesDpkgQuery() throws Exception {
        Path root = RootfsFixture.root("debian/real-status");
        CatalogResult result = RootfsFixture.scan(root, cataloger);
        List<String> dpkgQuery = Files.readAllLines(root.resolve("dpkg-query.txt")).stream()
                .filter(l -> !l.startsWith("#") && !l.isBlank()).sorted().toList();
        List<String> found = result.packages().stream().map(p -> p.name() + " " + p.version()).sorted().toList();
        assertThat(dpkgQuery).hasSizeGreaterThan(100);
        assertThat(found).containsExactlyElementsOf(dpkgQuery);
        assertThat(result.warnings()).isEmpty();
        for (Package p : result.packages()) {
            PackageURL purl = new PackageURL(p.purl());
            assertThat(purl.getNamespace() + "/" + purl.getName() + "@" + purl.getVersion())
                    .isEqualTo("debian/" + p.name() + "@" + p.version());
        }
    }
}
