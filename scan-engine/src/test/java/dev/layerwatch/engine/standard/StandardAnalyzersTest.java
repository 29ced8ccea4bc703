package dev.layerwatch.engine.standard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerwatch.common.finding.ConfigFinding;
import dev.layerwatch.engine.analysis.AnalysisListener;
import dev.layerwatch.engine.assembly.ImageAnalyzer;
import dev.layerwatch.engine.image.MemoryImageSource;
import dev.layerwatch.engine.layer.LayerLimits;
import dev.layerwatch.engine.layer.TarLayerBuilder;
import dev.layerwatch.engine.layerscan.InMemoryLayerResultCache;
import dev.layerwatch.engine.layerscan.LayerAnalyzer;
import dev.layerwatch.engine.report.ImageReport;
import dev.layerwatch.engine.report.ReportPackage;
import dev.layerwatch.engine.scan.ImageScan;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** The engine with the real catalogers, os-release parser and checks ({@link AnalyzerSets#standard()}). */
class StandardAnalyzersTest {

    private static ImageReport scan(MemoryImageSource source) {
        return ImageReport.of(ImageScan.unmatched(
                new ImageAnalyzer(new LayerAnalyzer(AnalyzerSets.standard(), LayerLimits.DEFAULTS), new InMemoryLayerResultCache())
                        .analyze(source, source.image(), AnalysisListener.SILENT)));
    }

    @Test
    void theMultiLayerDpkgFixtureWithTheRealCatalogers() throws Exception {
        Path fixture = fixture("analysis/dpkg-multilayer");
        MemoryImageSource source = MemoryImageSource.of(
                new TarLayerBuilder().tree(fixture.resolve("layer0")).symlink("etc/os-release", "../usr/lib/os-release")
                        .file("usr/bin/apt", new byte[10], 0755),
                new TarLayerBuilder().tree(fixture.resolve("layer1")),
                new TarLayerBuilder().tree(fixture.resolve("layer2")));
        ImageReport report = scan(source);

        List<String> layers = source.image().layers().stream().map(l -> l.digest().toString()).toList();
        List<String> actual = new ArrayList<>();
        for (ReportPackage p : report.packages()) {
            actual.add(p.name() + " " + p.version() + " " + (p.source() == null ? "-" : p.source()) + " " + layers.indexOf(p.layer()));
        }
        assertThat(actual).containsExactlyElementsOf(
                Files.readAllLines(fixture.resolve("expected.txt")).stream().filter(l -> !l.startsWith("#")).toList());
        assertThat(report.os().id()).isEqualTo("debian");
        assertThat(report.os().eolDate()).isNotNull();
        assertThat(report.packages()).allSatisfy(p -> assertThat(p.purl()).startsWith("pkg:deb/debian/").contains("distro=debian-12"));
        assertThat(report.configFindings()).extracting(ConfigFinding::id).contains("LW-PACKAGE-MANAGER").doesNotContain("LW-ROOT-USER");
    }

    @Test
    void anOpaqueDirectoryReplacesAVulnerableJarWithTheFixedOne() throws Exception {
        MemoryImageSource source = MemoryImageSource.of(
                new TarLayerBuilder().file("app/lib/log4j-core-2.14.1.jar", jar("2.14.1"), 0644),
                new TarLayerBuilder().opaque("app/lib").file("app/lib/log4j-core-2.17.1.jar", jar("2.17.1"), 0644));
        ImageReport report = scan(source);
        assertThat(report.packages()).filteredOn(p -> p.type().equals("maven"))
                .extracting(p -> p.name() + "@" + p.version())
                .containsExactly("org.apache.logging.log4j:log4j-core@2.17.1");
    }

    /** A minimal jar as Maven builds it: a manifest and the pom.properties of its coordinates. */
    private static byte[] jar(String version) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            zip.write(("Manifest-Version: 1.0\nImplementation-Title: Apache Log4j Core\nImplementation-Version: " + version + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("META-INF/maven/org.apache.logging.log4j/log4j-core/pom.properties"));
            zip.write(("groupId=org.apache.logging.log4j\nartifactId=log4j-core\nversion=" + version + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static Path fixture(String name) throws java.net.URISyntaxException {
        return Path.of(StandardAnalyzersTest.class.getClassLoader().getResource(name).toURI());
    }
}
