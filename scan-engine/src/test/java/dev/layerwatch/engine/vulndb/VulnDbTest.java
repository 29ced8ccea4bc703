package dev.layerwatch.engine.vulndb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerwatch.engine.advisory.Advisory;
import dev.layerwatch.engine.advisory.OsvFeedReader;
import dev.layerwatch.engine.advisory.TestResources;
import dev.layerwatch.engine.ecosystem.alpine.AlpineSecdbParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VulnDbTest {

    @TempDir
    Path dir;

    private String importReal() throws IOException {
        try (SnapshotWriter w = SnapshotWriter.create(dir)) {
            new OsvFeedReader().read(TestResources.path("osv/real"), w::put);
            new AlpineSecdbParser().read(TestResources.path("alpine-secdb/v3.18/main.json"), w::put);
            return w.commit();
        }
    }

    @Test
    void importedRecordsAreFoundByNamespaceAndNormalisedName() throws IOException {
        String version = importReal();
        try (VulnDb db = VulnDb.open(dir)) {
            VulnDbSnapshot s = db.current();
            assertThat(s.version()).isEqualTo(version);
            assertThat(s.lookup("Maven", "org.apache.logging.log4j:log4j-core")).extracting(Advisory::id)
                    .containsExactly("GHSA-jfh8-c2jp-5v3q");
            // GHSA spells PyYAML, PYSEC pyyaml: both under the PEP 503 name
            assertThat(s.lookup("PyPI", "PyYAML")).extracting(Advisory::id)
                    .containsExactlyInAnyOrder("GHSA-8q59-q68h-6hv4", "PYSEC-2021-142");
            assertThat(s.lookup("Ubuntu:22.04", "glibc")).extracting(Advisory::id).containsExactly("USN-6409-1");
            assertThat(s.lookup("Alpine:v3.18", "busybox")).extracting(Advisory::id).contains("CVE-2022-28391");
            assertThat(s.lookup("Alpine:v3.19", "busybox")).isEmpty();
            assertThat(s.lookup("npm", "org.apache.logging.log4j:log4j-core")).isEmpty();
        }
    }

    @Test
    void storedAdvisoryReadsBackEqualToTheParsedOne() throws IOException {
        List<Advisory> parsed = new ArrayList<>();
        new OsvFeedReader().read(TestResources.path("osv/real"), parsed::add);
        importReal();
        try (VulnDb db = VulnDb.open(dir)) {
            for (String id : List.of("GHSA-jfh8-c2jp-5v3q", "USN-6409-1", "PYSEC-2021-142")) {
                Advisory original = parsed.stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
                var p = original.affected().get(0);
                assertThat(db.current().lookup(AdvisoryKeys.namespace(p.ecosystem()), p.name())).contains(original);
            }
        }
    }

    @Test
    void withdrawnRecordsAreNotStored() throws IOException {
        importReal();
        try (VulnDb db = VulnDb.open(dir)) {
            assertThat(db.current().lookup("Go", "k8s.io/kubernetes")).isEmpty();
            assertThat(db.current().lookup("Go", "stdlib")).extracting(Advisory::id).containsExactly("GO-2022-0969");
        }
    }

    @Test
    void infoCountsPerSourceAndNamespace() throws IOException {
        String version = importReal();
        try (VulnDb db = VulnDb.open(dir)) {
            SnapshotInfo info = db.current().info();
            assertThat(info.version()).isEqualTo(version);
            assertThat(info.builtAt()).isNotBlank();
            assertThat(info.counts().get("osv")).containsEntry("Maven", 3L).containsEntry("npm", 3L).containsEntry("PyPI", 2L);
            assertThat(info.counts().get("alpine-secdb")).containsKey("Alpine:v3.18");
            assertThat(Files.isRegularFile(dir.resolve("snapshots").resolve(version).resolve("vulns.db"))).isTrue();
        }
    }

    @Test
    void readerPicksUpANewSnapshotWithoutReopening() throws IOException {
        importReal();
        try (VulnDb db = VulnDb.open(dir, Duration.ZERO, Clock.systemUTC())) {
            VulnDbSnapshot first = db.current();
            String second;
            try (SnapshotWriter w = SnapshotWriter.copyOf(dir, first.file())) {
                new OsvFeedReader().read(TestResources.path("osv/real/Maven/GHSA-jfh8-c2jp-5v3q.json"),
                        a -> w.put(new Advisory(a.source(), a.scope(), a.id(), a.aliases(), a.related(), a.modified(),
                                "2024-01-01T00:00:00Z", a.summary(), a.severities(), a.recordSeverity(), a.affected())));
                second = w.commit();
            }
            VulnDbSnapshot now = db.current();
            assertThat(now.version()).isEqualTo(second).isNotEqualTo(first.version());
            assertThat(now.lookup("Maven", "org.apache.logging.log4j:log4j-core")).isEmpty();
            assertThat(now.lookup("npm", "lodash")).isNotEmpty();
            // a scan that still holds the old snapshot keeps working on it
            assertThat(first.lookup("Maven", "org.apache.logging.log4j:log4j-core")).hasSize(1);
        }
    }

    @Test
    void pointerIsCheckedAtMostOncePerIntervalOrOnDemand() throws IOException {
        String first = importReal();
        MutableClock clock = new MutableClock();
        try (VulnDb db = VulnDb.open(dir, Duration.ofSeconds(30), clock)) {
            String second = importReal();
            clock.advance(Duration.ofSeconds(10));
            assertThat(db.current().version()).isEqualTo(first);
            clock.advance(Duration.ofSeconds(20));
            assertThat(db.current().version()).isEqualTo(second);
            String third = importReal();
            assertThat(db.current().version()).isEqualTo(second);
            db.refresh();
            assertThat(db.current().version()).isEqualTo(third);
        }
    }

    static final class MutableClock extends Clock {
        private java.time.Instant now = java.time.Instant.parse("2026-11-22T12:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }
    }

    @Test
    void uncommittedWriterLeavesTheCurrentSnapshotAlone() throws IOException {
        String good = importReal();
        try (SnapshotWriter w = SnapshotWriter.create(dir)) {
            w.put(new Advisory("osv", "", "X-1", null, null, null, null, null, null, null, null));
            // no commit: e.g. a download failed half way
        }
        assertThat(SnapshotPointer.read(dir)).contains(good);
        try (var files = Files.list(dir.resolve("snapshots"))) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly(good);
        }
    }

    @Test
    void concurrentReadersShareOneSnapshot() throws Exception {
        importReal();
        try (VulnDb db = VulnDb.open(dir)) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Integer>> results = new ArrayList<>();
                for (int i = 0; i < 64; i++) {
                    results.add(pool.submit(() -> db.current().lookup("npm", "lodash").size()));
                }
                for (Future<Integer> f : results) {
                    assertThat(f.get()).isEqualTo(1);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void emptyDirectoryIsAClearError() {
        assertThatThrownBy(() -> VulnDb.open(dir)).isInstanceOf(IOException.class).hasMessageContaining("db import");
    }
}
