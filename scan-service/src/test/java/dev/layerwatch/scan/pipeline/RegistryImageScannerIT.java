package dev.layerwatch.scan.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerwatch.common.event.ImagePushed;
import dev.layerwatch.common.event.ScanCompleted;
import dev.layerwatch.common.finding.ConfigFinding;
import dev.layerwatch.common.image.ImageReference;
import dev.layerwatch.engine.assembly.ImageAnalyzer;
import dev.layerwatch.engine.layer.LayerLimits;
import dev.layerwatch.engine.layerscan.InMemoryLayerResultCache;
import dev.layerwatch.engine.layerscan.LayerAnalyzer;
import dev.layerwatch.engine.layerscan.LayerResult;
import dev.layerwatch.engine.layerscan.LayerResultCache;
import dev.layerwatch.engine.policy.FindingPolicy;
import dev.layerwatch.engine.scan.ScanEngine;
import dev.layerwatch.engine.standard.AnalyzerSets;
import dev.layerwatch.scan.config.RegistriesProperties;
import dev.layerwatch.scan.config.RegistryClients;
import dev.layerwatch.scan.config.VulnDbProperties;
import dev.layerwatch.testkit.registry.ImageSpec;
import dev.layerwatch.testkit.registry.PushedImage;
import dev.layerwatch.testkit.registry.PushedIndex;
import dev.layerwatch.testkit.registry.RegistryServerExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The scan step on a real docker-registry: what one pushed image turns into, without Kafka. */
class RegistryImageScannerIT {

    private static final Path BASE = Path.of("src/test/resources/pipeline/alpine-base");
    private static final Path APP = Path.of("src/test/resources/pipeline/app-layer");

    @RegisterExtension
    static RegistryServerExtension registry = RegistryServerExtension.builder().build();

    private final CountingCache cache = new CountingCache();
    private RegistryClients clients;
    private RegistryImageScanner scanner;

    @BeforeEach
    void scanner() {
        clients = new RegistryClients(new RegistriesProperties(List.of(
                new RegistriesProperties.Registry(registry.hostPort(), true, null, null, null))));
        ImageAnalyzer analyzer = new ImageAnalyzer(new LayerAnalyzer(AnalyzerSets.standard(), LayerLimits.DEFAULTS), cache, Duration.ofSeconds(5));
        VulnDbProperties noDb = new VulnDbProperties(null, Duration.ofSeconds(30), Duration.ofDays(7),
                new VulnDbProperties.Update(false, Duration.ofHours(6), null, null, null));
        VulnDbMatchers matchers = new VulnDbMatchers(noDb, null);
        scanner = new RegistryImageScanner(clients, new ScanEngine(analyzer, matchers, FindingPolicy.permissive()), matchers,
                new dev.layerwatch.scan.metrics.ScanMetrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));
    }

    @AfterEach
    void close() {
        clients.destroy();
    }

    private static ImagePushed pushed(ImageReference ref) {
        return ImagePushed.create("distribution", "evt-" + System.nanoTime(), ref, null, Instant.now());
    }

    @Test
    void aPushedImageBecomesOneSucceededResultWithItsInventoryAndFindings() throws Exception {
        PushedImage image = registry.pusher().push("team/app", "1.0", ImageSpec.image().layer(BASE).layer(APP).user("root"));

        List<ScanCompleted> results = scanner.scan(pushed(image.reference()));

        assertThat(results).hasSize(1);
        ScanCompleted r = results.getFirst();
        assertThat(r.status()).isEqualTo(ScanCompleted.Status.SUCCEEDED);
        assertThat(r.digest()).isEqualTo(image.manifestDigest());
        assertThat(r.manifestDigest()).isEqualTo(image.manifestDigest());
        assertThat(r.os().id()).isEqualTo("alpine");
        assertThat(r.os().versionId()).isEqualTo("3.18.4");
        assertThat(r.summary().layers()).isEqualTo(2);
        assertThat(r.summary().packages()).isEqualTo(3); // the three apk packages of the fixture
        assertThat(r.configFindings()).extracting(ConfigFinding::id).contains("LW-ROOT-USER");
        assertThat(r.secrets()).isNotEmpty().allSatisfy(s -> {
            assertThat(s.location()).isEqualTo("/app/credentials");
            assertThat(s.redacted()).doesNotContain("2EJwnDe8EbL1YGpx7iQs");
        });
        assertThat(r.vulnDbVersion()).isNull();
        assertThat(r.causationId()).isNotBlank();
    }

    @Test
    void aTagOnlyEventIsPinnedToTheDigestTheRegistryServesNow() throws Exception {
        PushedImage image = registry.pusher().push("team/tagonly", "latest", ImageSpec.image().layer(BASE));
        ImageReference tagOnly = new ImageReference(registry.hostPort(), "team/tagonly", "latest", null);

        ScanCompleted r = scanner.scan(pushed(tagOnly)).getFirst();

        assertThat(r.status()).isEqualTo(ScanCompleted.Status.SUCCEEDED);
        assertThat(r.digest()).isEqualTo(image.manifestDigest());
        assertThat(r.tag()).isEqualTo("latest");
    }

    @Test
    void anEventNamingAnAliasIsPulledFromTheConfiguredHostAndKeepsItsName() throws Exception {
        // compose: the host pushes to 127.0.0.1:5000, workers reach the same registry as registry:5000
        PushedImage image = registry.pusher().push("team/aliased", "1.0", ImageSpec.image().layer(BASE));
        RegistryClients aliased = new RegistryClients(new RegistriesProperties(List.of(
                new RegistriesProperties.Registry(registry.hostPort(), true, null, null, List.of("Pushed-Via.example:5000")))));
        ImageAnalyzer analyzer = new ImageAnalyzer(new LayerAnalyzer(AnalyzerSets.standard(), LayerLimits.DEFAULTS), cache, Duration.ofSeconds(5));
        VulnDbMatchers noDb = new VulnDbMatchers(new VulnDbProperties(null, Duration.ofSeconds(30), Duration.ofDays(7),
                new VulnDbProperties.Update(false, Duration.ofHours(6), null, null, null)), null);
        RegistryImageScanner viaAlias = new RegistryImageScanner(aliased, new ScanEngine(analyzer, noDb, FindingPolicy.permissive()), noDb,
                new dev.layerwatch.scan.metrics.ScanMetrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));
        try {
            ScanCompleted r = viaAlias.scan(pushed(new ImageReference("pushed-via.example:5000", "team/aliased", "1.0", null))).getFirst();

            assertThat(r.status()).isEqualTo(ScanCompleted.Status.SUCCEEDED);
            assertThat(r.digest()).isEqualTo(image.manifestDigest());
            assertThat(r.registry()).isEqualTo("pushed-via.example:5000");
            // without the alias the same event is refused, not pulled from anywhere
            assertThat(scanner.scan(pushed(new ImageReference("pushed-via.example:5000", "team/aliased", "1.0", null))).getFirst().status())
                    .isEqualTo(ScanCompleted.Status.FAILED);
        } finally {
            aliased.destroy();
        }
    }

    @Test
    void anIndexIsScannedPerPlatform() throws Exception {
        PushedIndex index = registry.pusher().pushIndex("team/multi", "1.0", List.of(
                ImageSpec.image().layer(BASE).platform("linux", "amd64", null),
                ImageSpec.image().layer(BASE).layer(APP).platform("linux", "arm64", "v8")));

        List<ScanCompleted> results = scanner.scan(pushed(new ImageReference(registry.hostPort(), "team/multi", "1.0", index.digest())));

        assertThat(results).hasSize(2);
        assertThat(results).allSatisfy(r -> assertThat(r.digest()).isEqualTo(index.digest()));
        assertThat(results).extracting(r -> r.platform().toString()).containsExactlyInAnyOrder("linux/amd64", "linux/arm64/v8");
        assertThat(results).extracting(ScanCompleted::manifestDigest).doesNotHaveDuplicates().doesNotContain(index.digest());
    }

    @Test
    void aLayerSharedByTwoImagesIsAnalysedOnce() throws Exception {
        PushedImage first = registry.pusher().push("team/one", "1", ImageSpec.image().layer(BASE));
        PushedImage second = registry.pusher().push("team/two", "1", ImageSpec.image().layer(BASE).layer(APP));

        scanner.scan(pushed(first.reference()));
        int analysedAfterFirst = cache.puts.get();
        scanner.scan(pushed(second.reference()));

        assertThat(analysedAfterFirst).isEqualTo(1);
        // the base layer came from the cache; only the app layer was analysed
        assertThat(cache.puts.get()).isEqualTo(2);
        assertThat(cache.hits.get()).isEqualTo(1);
    }

    @Test
    void anUnconfiguredRegistryIsNeverContactedAndFailsTheScanWithAReason() {
        ImageReference elsewhere = ImageReference.parse("registry.invalid:5000/team/app:1.0");

        ScanCompleted r = scanner.scan(pushed(elsewhere)).getFirst();

        assertThat(r.status()).isEqualTo(ScanCompleted.Status.FAILED);
        assertThat(r.error()).contains("registry.invalid:5000").contains("not configured");
        assertThat(cache.gets.get()).isZero();
    }

    @Test
    void aMissingImageIsAFailedResultNotARetry() {
        ImageReference missing = new ImageReference(registry.hostPort(), "team/none", "1.0", null);

        ScanCompleted r = scanner.scan(pushed(missing)).getFirst();

        assertThat(r.status()).isEqualTo(ScanCompleted.Status.FAILED);
        assertThat(r.error()).contains("team/none");
    }

    /** The in-memory cache, counting what the engine asks of it. */
    private static final class CountingCache implements LayerResultCache {
        private final InMemoryLayerResultCache delegate = new InMemoryLayerResultCache();
        final AtomicInteger gets = new AtomicInteger();
        final AtomicInteger hits = new AtomicInteger();
        final AtomicInteger puts = new AtomicInteger();

        @Override
        public Optional<LayerResult> get(String key) {
            gets.incrementAndGet();
            Optional<LayerResult> r = delegate.get(key);
            r.ifPresent(x -> hits.incrementAndGet());
            return r;
        }

        @Override
        public void put(String key, LayerResult result) {
            puts.incrementAndGet();
            delegate.put(key, result);
        }

        @Override
        public boolean tryLease(String key) {
            return delegate.tryLease(key);
        }

        @Override
        public void release(String key) {
            delegate.release(key);
        }
    }
}
