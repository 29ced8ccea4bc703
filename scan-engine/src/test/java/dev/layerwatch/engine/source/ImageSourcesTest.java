package dev.layerwatch.engine.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerwatch.common.image.Platform;
import dev.layerwatch.engine.analysis.AnalysisListener;
import dev.layerwatch.engine.analysis.AnalyzerSet;
import dev.layerwatch.engine.assembly.ImageAnalyzer;
import dev.layerwatch.engine.assembly.ImageInventory;
import dev.layerwatch.engine.catalog.CatalogResult;
import dev.layerwatch.engine.catalog.PackageCataloger;
import dev.layerwatch.engine.image.ImageSource;
import dev.layerwatch.engine.image.PlatformImage;
import dev.layerwatch.engine.inventory.Ecosystem;
import dev.layerwatch.engine.inventory.Package;
import dev.layerwatch.engine.layer.FileMeta;
import dev.layerwatch.engine.layer.LayerLimits;
import dev.layerwatch.engine.layer.TarLayerBuilder;
import dev.layerwatch.engine.layerscan.LayerAnalyzer;
import dev.layerwatch.engine.layerscan.LayerResultCache;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageSourcesTest {

    /** Reports every {@code *.pkg} file holding {@code name@version} as an npm package. */
    private static final PackageCataloger PKG = new PackageCataloger() {
        @Override
        public String name() {
            return "pkg";
        }

        @Override
        public int version() {
            return 1;
        }

        @Override
        public boolean wants(FileMeta file) {
            return file.path().endsWith(".pkg");
        }

        @Override
        public CatalogResult catalog(FileMeta file, InputStream content) throws IOException {
            String[] nv = new String(content.readAllBytes(), StandardCharsets.UTF_8).trim().split("@");
            return CatalogResult.of(List.of(new Package(nv[0], nv[1], Ecosystem.NPM, null, null, null, null, List.of(file.location()), false)));
        }
    };

    private static List<String> scan(ImageSource source, Platform platform) throws IOException {
        ImageAnalyzer analyzer = new ImageAnalyzer(new LayerAnalyzer(new AnalyzerSet(List.of(PKG), null, null, null, null, null),
                LayerLimits.DEFAULTS), LayerResultCache.NONE);
        return analyzer.scan(source, platform, AnalysisListener.SILENT).stream()
                .flatMap(r -> r.packages().stream().map(p -> r.platform() + " " + p.name() + "@" + p.version()
                        + (r.warnings().isEmpty() ? "" : " " + r.warnings())))
                .toList();
    }

    private static final TarLayerBuilder BASE = new TarLayerBuilder().file("app/a.pkg", "a@1").file("app/b.pkg", "b@1");
    private static final TarLayerBuilder TOP = new TarLayerBuilder().whiteout("app/b.pkg").file("app/c.pkg", "c@1");

    @Test
    void ociLayoutWithAMultiPlatformIndexAndTags(@TempDir Path dir) throws IOException {
        var amd = ImageFixtures.writeOciImage(dir, "amd64", BASE, TOP);
        var arm = ImageFixtures.writeOciImage(dir, "arm64", BASE);
        String child1 = ImageFixtures.descriptor("application/vnd.oci.image.manifest.v1+json", amd.manifest(), dir,
                "\"platform\":{\"os\":\"linux\",\"architecture\":\"amd64\"}");
        String child2 = ImageFixtures.descriptor("application/vnd.oci.image.manifest.v1+json", arm.manifest(), dir,
                "\"platform\":{\"os\":\"linux\",\"architecture\":\"arm64\"}");
        String attestation = ImageFixtures.descriptor("application/vnd.oci.image.manifest.v1+json", arm.manifest(), dir,
                "\"platform\":{\"os\":\"unknown\",\"architecture\":\"unknown\"}");
        byte[] index = ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":["
                + child1 + "," + child2 + "," + attestation + "]}").getBytes(StandardCharsets.UTF_8);
        var indexDigest = ImageFixtures.blob(dir, index);
        ImageFixtures.writeIndex(dir,
                ImageFixtures.descriptor("application/vnd.oci.image.index.v1+json", indexDigest, dir,
                        "\"annotations\":{\"org.opencontainers.image.ref.name\":\"1.0\"}"),
                ImageFixtures.descriptor("application/vnd.oci.image.manifest.v1+json", arm.manifest(), dir,
                        "\"annotations\":{\"org.opencontainers.image.ref.name\":\"arm-only\"}"));

        try (ImageSource all = Targets.open(Targets.parse("oci-layout:" + dir + ":1.0"), RegistrySourceFactory.UNAVAILABLE)) {
            List<PlatformImage> images = all.images(null);
            assertThat(images).extracting(i -> i.platform().toString()).containsExactly("linux/amd64", "linux/arm64");
            assertThat(images).allSatisfy(i -> assertThat(i.indexDigest()).isEqualTo(indexDigest));
            assertThat(scan(all, null)).containsExactly("linux/amd64 a@1", "linux/amd64 c@1", "linux/arm64 a@1", "linux/arm64 b@1");
            assertThat(scan(all, Platform.parse("linux/arm64"))).containsExactly("linux/arm64 a@1", "linux/arm64 b@1");
        }
        try (ImageSource armOnly = OciLayoutSource.open(dir, "arm-only")) {
            assertThat(armOnly.images(null)).singleElement().satisfies(i -> assertThat(i.manifestDigest()).isEqualTo(arm.manifest()));
        }
        assertThatThrownBy(() -> OciLayoutSource.open(dir, null).images(null)).hasMessageContaining("several images")
                .hasMessageContaining("1.0").hasMessageContaining("arm-only");
        assertThatThrownBy(() -> OciLayoutSource.open(dir, "nope").images(null)).hasMessageContaining("no image tagged 'nope'");
    }

    @Test
    void aTamperedOciBlobFailsItsLayerWithADigestMismatch(@TempDir Path dir) throws IOException {
        var built = ImageFixtures.writeOciImage(dir, "amd64", BASE, TOP);
        ImageFixtures.writeIndex(dir, ImageFixtures.descriptor("application/vnd.oci.image.manifest.v1+json", built.manifest(), dir, null));
        Path topBlob = dir.resolve("blobs/sha256/" + built.layers().get(1).hex());
        Files.write(topBlob, new TarLayerBuilder().file("app/evil.pkg", "evil@6").gzip());
        try (ImageSource source = OciLayoutSource.open(dir, null)) {
            ImageAnalyzer analyzer = new ImageAnalyzer(new LayerAnalyzer(new AnalyzerSet(List.of(PKG), null, null, null, null, null),
                    LayerLimits.DEFAULTS), LayerResultCache.NONE);
            ImageInventory report = analyzer.scan(source, null, AnalysisListener.SILENT).getFirst();
            assertThat(report.packages()).extracting(p -> p.name()).containsExactly("a", "b");
            assertThat(report.layers().get(1).result().failure()).contains("digest mismatch");
        }
    }

    @Test
    void dockerArchivesInTheLegacyAndTheDocker25Layouts(@TempDir Path dir) throws IOException {
        for (boolean oci : new boolean[] {false, true}) {
            Path file = dir.resolve(oci ? "new.tar" : "legacy.tar");
            ImageFixtures.writeDockerArchive(file, oci, BASE, TOP);
            try (ImageSource source = Targets.open(Targets.parse("docker-archive:" + file), RegistrySourceFactory.UNAVAILABLE)) {
                assertThat(scan(source, null)).containsExactly("linux/amd64 a@1", "linux/amd64 c@1");
                PlatformImage image = source.images(null).getFirst();
                assertThat(image.manifestDigest() != null).isEqualTo(oci);
                assertThat(image.layers()).hasSize(2);
            }
        }
        Path notTar = dir.resolve("x.tar");
        Files.writeString(notTar, "{}");
        assertThatThrownBy(() -> DockerArchiveSource.open(notTar)).isInstanceOf(IOException.class).hasMessageContaining(notTar.toString());
    }

    @Test
    void aRootfsDirectoryIsOnePseudoLayerAndSymlinksStayLinks(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("app"));
        Files.writeString(dir.resolve("app/a.pkg"), "a@1");
        Files.createSymbolicLink(dir.resolve("app/link.pkg"), Path.of("/etc/hostname"));
        try (ImageSource source = Targets.open(Targets.parse("dir:" + dir), RegistrySourceFactory.UNAVAILABLE)) {
            ImageAnalyzer analyzer = new ImageAnalyzer(new LayerAnalyzer(new AnalyzerSet(List.of(PKG), null, null, null, null, null),
                    LayerLimits.DEFAULTS), LayerResultCache.NONE);
            ImageInventory report = analyzer.scan(source, null, AnalysisListener.SILENT).getFirst();
            assertThat(report.packages()).singleElement().satisfies(p -> {
                assertThat(p.name()).isEqualTo("a");
                assertThat(p.layer()).isNull();
            });
            assertThat(report.layers()).singleElement().satisfies(l -> assertThat(l.citedDigest()).isNull());
            assertThat(report.warnings()).isEmpty();
        }
    }

    @Test
    void missingTargetsAreClearErrors(@TempDir Path dir) {
        assertThatThrownBy(() -> Targets.open(Targets.parse("oci-layout:" + dir.resolve("nope")), RegistrySourceFactory.UNAVAILABLE))
                .isInstanceOf(IOException.class).hasMessageContaining("nope");
        assertThatThrownBy(() -> Targets.open(Targets.parse("oci-layout:" + dir), RegistrySourceFactory.UNAVAILABLE))
                .hasMessageContaining("no index.json");
        assertThatThrownBy(() -> Targets.open(Targets.parse("dir:" + dir.resolve("x")), RegistrySourceFactory.UNAVAILABLE))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> Targets.open(Targets.parse("alpine:3.20"), RegistrySourceFactory.UNAVAILABLE))
                .hasMessageContaining("registry targets are not available");
    }
}
