package dev.layerwatch.engine.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerwatch.common.finding.ConfigFinding;
import dev.layerwatch.common.finding.SecretFinding;
import dev.layerwatch.common.finding.Severity;
import dev.layerwatch.engine.analysis.AnalysisListener;
import dev.layerwatch.engine.analysis.AnalyzerSet;
import dev.layerwatch.engine.analysis.ImageCheck;
import dev.layerwatch.engine.analysis.LayerFileScanner;
import dev.layerwatch.engine.image.MemoryImageSource;
import dev.layerwatch.engine.layer.FileMeta;
import dev.layerwatch.engine.layer.LayerLimits;
import dev.layerwatch.engine.layer.TarLayerBuilder;
import dev.layerwatch.engine.layerscan.AnalyzerVersions;
import dev.layerwatch.engine.layerscan.InMemoryLayerResultCache;
import dev.layerwatch.engine.layerscan.LayerAnalyzer;
import dev.layerwatch.engine.layerscan.LayerResultCache;
import dev.layerwatch.engine.layerscan.LayerResultJson;
import dev.layerwatch.engine.report.ImageReport;
import dev.layerwatch.engine.report.ReportPackage;
import dev.layerwatch.engine.scan.ImageScan;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImageAnalyzerTest {

    private static final LayerFileScanner KEY_SCANNER = new LayerFileScanner() {
        @Override
        public String name() {
            return "key-test";
        }

        @Override
        public int version() {
            return 1;
        }

        @Override
        public boolean wants(FileMeta file) {
            return file.path().endsWith(".pkg") || file.path().endsWith(".pem");
        }

        @Override
        public List<SecretFinding> scan(FileMeta file, InputStream content, String layer) throws IOException {
            String text = new String(content.readAllBytes(), StandardCharsets.UTF_8);
            return text.contains("PRIVATE KEY")
                    ? List.of(new SecretFinding("private-key", Severity.HIGH, "Private key", file.location(), 1, layer, "-----BEGIN ***"))
                    : List.of();
        }
    };

    private static AnalyzerSet analyzers() {
        ImageCheck packageManager = ImageCheck.of("package-manager", (facts, warnings) -> facts.exists().test("usr/bin/apt")
                ? List.of(new ConfigFinding("LW-TEST-APT", Severity.LOW, "apt present", "")) : List.of());
        return new AnalyzerSet(List.of(new DpkgStatusTestCataloger(), new PkgFileTestCataloger()), List.of(KEY_SCANNER),
                new OsReleaseTestReader(), Set.of("usr/bin/apt"), List.of(packageManager),
                os -> os.id().equals("debian") ? Optional.of(LocalDate.of(2028, 6, 30)) : Optional.empty());
    }

    private static ImageAnalyzer analyzer(LayerResultCache cache) {
        return new ImageAnalyzer(new LayerAnalyzer(analyzers(), LayerLimits.DEFAULTS), cache);
    }

    private static ImageReport scan(MemoryImageSource source) {
        return report(analyzer(LayerResultCache.NONE).analyze(source, source.image(), AnalysisListener.SILENT));
    }

    private static List<String> names(ImageReport r) {
        return r.packages().stream().map(p -> p.name() + "@" + p.version()).toList();
    }

    @Test
    void aPackageRemovedInALaterLayerIsNotReportedAndEachPackageCitesTheLayerThatIntroducedIt() throws Exception {
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
        List<String> expected = Files.readAllLines(fixture.resolve("expected.txt")).stream().filter(l -> !l.startsWith("#")).toList();
        assertThat(actual).containsExactlyElementsOf(expected);

        assertThat(report.os().id()).isEqualTo("debian");
        assertThat(report.os().versionId()).isEqualTo("12");
        assertThat(report.os().eol()).isFalse();
        assertThat(report.os().eolDate()).isEqualTo("2028-06-30");
        assertThat(report.packages()).filteredOn(p -> p.name().equals("libc6")).singleElement()
                .satisfies(p -> assertThat(p.purl()).isEqualTo("pkg:deb/debian/libc6@2.36-9%2Bdeb12u7?distro=debian-12"));
        assertThat(report.packages()).allSatisfy(p -> assertThat(p.locations()).containsExactly("/var/lib/dpkg/status"));
        assertThat(report.configFindings()).extracting(ConfigFinding::id).containsExactly("LW-TEST-APT");
        assertThat(report.warnings()).isEmpty();
        assertThat(report.layers()).allSatisfy(l -> assertThat(l.diffId()).isNotNull());
    }

    @Test
    void fileDirectoryAndOpaqueWhiteoutsHideLowerLayersOnly() {
        MemoryImageSource source = MemoryImageSource.of(
                new TarLayerBuilder()
                        .file("app/a.pkg", "a@1")
                        .file("app/lib/b.pkg", "b@1")
                        .file("opt/keep/c.pkg", "c@1")
                        .file("srv/old/d.pkg", "d@1")
                        .file("srv/e.pkg", "e@1")
                        .file("usr/bin/apt", "x"),
                new TarLayerBuilder()
                        .whiteout("app/a.pkg")
                        .whiteout("app/lib")
                        .opaque("srv")
                        .file("srv/f.pkg", "f@1")
                        .whiteout("usr/bin/apt")
                        .file("opt/new/g.pkg", "g@2")
                        .whiteout("opt/new/g.pkg"));
        ImageReport report = scan(source);
        assertThat(names(report)).containsExactlyInAnyOrder("c@1", "f@1", "g@2");
        assertThat(report.configFindings()).isEmpty();
    }

    @Test
    void aFileReplacedInALaterLayerReportsOnlyTheNewContent() {
        MemoryImageSource source = MemoryImageSource.of(
                new TarLayerBuilder().file("app/x.pkg", "x@1").file("app/y.pkg", "y@1"),
                new TarLayerBuilder().file("app/x.pkg", "x@2").file("app/y.pkg", "nothing here"));
        ImageReport report = scan(source);
        assertThat(names(report)).containsExactly("x@2");
        assertThat(report.packages().getFirst().layer()).isEqualTo(source.image().layers().get(1).digest().toString());
        assertThat(report.warnings()).singleElement().asString().contains("no name@version in /app/y.pkg");
    }

    @Test
    void declaredOnlyPackagesAreDroppedWhenTheSameVersionIsInstalled() {
        MemoryImageSource source = MemoryImageSource.of(new TarLayerBuilder()
                .file("app/node_modules/left-pad.pkg", "left-pad@1.3.0")
                .file("app/lock1.pkg", "declared left-pad@1.3.0")
                .file("app/lock2.pkg", "declared right-pad@2.0.0")
                .file("app/lock3.pkg", "declared right-pad@2.0.0"));
        ImageReport report = scan(source);
        assertThat(report.packages()).extracting(p -> p.name() + "@" + p.version() + ":" + p.declaredOnly())
                .containsExactly("left-pad@1.3.0:false", "right-pad@2.0.0:true");
        assertThat(report.packages().get(1).locations()).containsExactly("/app/lock2.pkg", "/app/lock3.pkg");
    }

    @Test
    void aSymlinkLoopAtTheOsReleaseIsAWarningNotAHang() {
        MemoryImageSource source = MemoryImageSource.of(new TarLayerBuilder()
                .symlink("etc/os-release", "../usr/lib/os-release")
                .symlink("usr/lib/os-release", "/etc/os-release"));
        ImageReport report = scan(source);
        assertThat(report.os()).isNull();
        assertThat(report.warnings()).anySatisfy(w -> assertThat(w).contains("symlink loop at /etc/os-release"));
    }

    @Test
    void aBadLayerIsAWarningAndTheOtherLayersAreStillReported() {
        TarLayerBuilder good = new TarLayerBuilder().file("app/a.pkg", "a@1");
        TarLayerBuilder bad = new TarLayerBuilder().file("app/b.pkg", "b@1").file("big", new byte[100_000], 0644);
        byte[] badGzip = bad.gzip();
        MemoryImageSource source = new MemoryImageSource(List.of(
                new byte[][] {good.tar(), good.gzip()},
                new byte[][] {bad.tar(), Arrays.copyOf(badGzip, badGzip.length - 30)}));
        ImageReport report = scan(source);
        assertThat(names(report)).containsExactly("a@1");
        assertThat(report.layers().get(1).failure()).contains("cannot read the gzip stream");
        assertThat(report.warnings()).anySatisfy(w -> assertThat(w).contains(source.image().layers().get(1).digest().toString()));
    }

    @Test
    void hostileLayersGiveWarningsAndTheRestOfTheImageIsStillAnalysed() {
        TarLayerBuilder zstdLayer = new TarLayerBuilder().file("app/a.pkg", "a@1").file("etc/../app/b.pkg", "b@1");
        TarLayerBuilder traversal = new TarLayerBuilder().file("../../escape.pkg", "escape@1").file("/abs/c.pkg", "c@1");
        TarLayerBuilder entryBomb = new TarLayerBuilder();
        for (int i = 0; i < 600; i++) {
            entryBomb.file("bomb/" + i + ".pkg", "bomb" + i + "@1");
        }
        MemoryImageSource source = new MemoryImageSource(List.of(
                new byte[][] {zstdLayer.tar(), zstdLayer.zstd()},
                new byte[][] {traversal.tar(), traversal.tar()},
                new byte[][] {entryBomb.tar(), entryBomb.gzip()}));
        ImageAnalyzer analyzer = new ImageAnalyzer(new LayerAnalyzer(analyzers(), LayerLimits.DEFAULTS.withMaxEntries(500)),
                LayerResultCache.NONE);
        ImageReport report = report(analyzer.analyze(source, source.image(), AnalysisListener.SILENT));
        assertThat(names(report)).contains("a@1", "b@1", "c@1", "bomb0@1").doesNotContain("escape@1").hasSize(503);
        assertThat(report.warnings())
                .anySatisfy(w -> assertThat(w).contains("escapes the image root"))
                .anySatisfy(w -> assertThat(w).contains("absolute path '/abs/c.pkg'"))
                .anySatisfy(w -> assertThat(w).contains("stopped after 500 entries"));
        assertThat(report.layers().subList(0, 2)).allSatisfy(l -> assertThat(l.failure()).isNull());
        // the entry bomb's walk was cut short by a limit: its packages past the cap are missing, so the scan is incomplete
        assertThat(report.layers().get(2).failure()).contains("a limit stopped the walk");
        assertThat(report.outcome().incompleteLayers()).singleElement()
                .satisfies(p -> assertThat(p.layer()).isEqualTo(report.layers().get(2).digest()));
        assertThat(report.layers().get(0).diffId()).isEqualTo(TarLayerBuilder.sha256(zstdLayer.tar()).toString());
        assertThat(report.layers().get(2).diffId()).isNull();
    }

    @Test
    void aThrowingCatalogerIsAWarningAndSharedFilesReachEveryReader() {
        MemoryImageSource source = MemoryImageSource.of(new TarLayerBuilder()
                .file("app/broken.pkg", "boom")
                .file("app/key.pkg", "-----BEGIN RSA PRIVATE KEY-----")
                .file("app/ok.pkg", "ok@1"));
        ImageReport report = scan(source);
        assertThat(names(report)).containsExactly("ok@1");
        assertThat(report.secrets()).singleElement().satisfies(s -> {
            assertThat(s.location()).isEqualTo("/app/key.pkg");
            assertThat(s.layer()).isEqualTo(source.image().layers().getFirst().digest().toString());
        });
        assertThat(report.warnings()).anySatisfy(w -> assertThat(w).contains("cataloger pkg-test failed on /app/broken.pkg"));
    }

    @Test
    void layerResultsComeFromTheCacheOnTheSecondScanAndSurviveJson() {
        InMemoryLayerResultCache cache = new InMemoryLayerResultCache();
        MemoryImageSource source = MemoryImageSource.of(
                new TarLayerBuilder().file("app/a.pkg", "a@1").file("srv/s.pkg", "s@1"),
                new TarLayerBuilder().opaque("srv").whiteout("app/a.pkg").file("app/b.pkg", "b@1"));
        ImageReport first = report(analyzer(cache).analyze(source, source.image(), AnalysisListener.SILENT));
        assertThat(cache.size()).isEqualTo(2);
        assertThat(first.layers()).noneMatch(l -> l.cached());

        InMemoryLayerResultCache roundTripped = new InMemoryLayerResultCache();
        AnalyzerVersions versions = new AnalyzerVersions(analyzers());
        for (var layer : source.image().layers()) {
            String key = versions.key(layer.digest().toString());
            String json = LayerResultJson.write(cache.get(key).orElseThrow());
            roundTripped.put(key, LayerResultJson.read(json));
            assertThat(LayerResultJson.read(json)).isEqualTo(cache.get(key).orElseThrow());
        }
        ImageReport second = report(analyzer(roundTripped).analyze(source, source.image(), AnalysisListener.SILENT));
        assertThat(second.layers()).allMatch(l -> l.cached());
        assertThat(second.packages()).isEqualTo(first.packages());
        assertThat(names(second)).containsExactly("b@1");
    }

    @Test
    void theCacheKeyChangesWithACatalogerVersion() {
        AnalyzerSet base = analyzers();
        AnalyzerSet bumped = new AnalyzerSet(List.of(new DpkgStatusTestCataloger(), new PkgFileTestCataloger() {
            @Override
            public int version() {
                return 2;
            }
        }), base.scanners(), base.osRelease(), base.trackedPaths(), base.checks(), base.endOfLife());
        assertThat(new AnalyzerVersions(base).key("sha256:x")).isNotEqualTo(new AnalyzerVersions(bumped).key("sha256:x"))
                .startsWith("layer:sha256:x:");
    }

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(ImageAnalyzerTest.class.getClassLoader().getResource(name).toURI());
    }

    /** The report view of an unmatched inventory: what {@code sbom --format json} shows. */
    private static ImageReport report(ImageInventory inventory) {
        return ImageReport.of(ImageScan.unmatched(inventory));
    }
}
