package dev.layerwatch.engine.vulndb.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerwatch.engine.advisory.Advisory;
import dev.layerwatch.engine.advisory.TestResources;
import dev.layerwatch.engine.ecosystem.debian.DebianReleases;
import dev.layerwatch.engine.vulndb.SnapshotPointer;
import dev.layerwatch.engine.vulndb.VulnDb;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The updater against a local HTTP server serving the real feed formats. */
class VulnDbUpdaterIT {

    private static final String LOG4SHELL = "GHSA-jfh8-c2jp-5v3q";

    @TempDir
    Path dir;
    FeedServer server;
    VulnDbUpdater updater;

    @BeforeEach
    void serveFeeds() throws IOException {
        server = new FeedServer();
        server.put("/osv/Maven/all.zip", zipOf(TestResources.path("osv/real/Maven")));
        server.put("/osv/Maven/modified_id.csv", csv("2022-03-25T20:56:18Z,GHSA-jfh8-c2jp-5v3q",
                "2022-03-10T00:00:00Z,GHSA-36p3-wjmg-h94x", "2021-12-01T00:00:00Z,GHSA-jjjh-jjxp-wpff"));
        server.put("/osv/npm/all.zip", zipOf(TestResources.path("osv/real/npm")));
        server.put("/osv/npm/modified_id.csv", csv("2024-09-10T00:00:00Z,GHSA-qw6h-vgh9-j6wx",
                "2023-11-08T00:00:00Z,GHSA-wf5p-g6vw-rhxx", "2022-02-01T00:00:00Z,GHSA-35jh-r3h4-6jhm"));
        server.put("/secdb/v3.18/main.json", Files.readAllBytes(TestResources.path("alpine-secdb/v3.18/main.json")));
        server.put("/tracker/data/json", Files.readAllBytes(TestResources.path("debian-tracker/sample/sample.json")));
        UpdateSources sources = new UpdateSources(server.uri("/osv/"), List.of("Maven", "npm"),
                List.of(server.uri("/secdb/v3.18/main.json")), server.uri("/tracker/data/json"), DebianReleases.defaults());
        updater = new VulnDbUpdater(sources, HttpClient.newHttpClient(), Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void firstUpdateDownloadsEverythingAndBuildsASnapshot() throws IOException {
        UpdateResult result = updater.update(dir, false);
        assertThat(result.changed()).isTrue();
        assertThat(result.feedsChanged()).contains("osv:Maven", "osv:npm", "debian-tracker");
        assertThat(SnapshotPointer.read(dir)).contains(result.version());
        try (VulnDb db = VulnDb.open(dir)) {
            assertThat(db.current().lookup("Maven", "org.apache.logging.log4j:log4j-core")).extracting(Advisory::id).containsExactly(LOG4SHELL);
            assertThat(db.current().lookup("Alpine:v3.18", "busybox")).isNotEmpty();
            assertThat(db.current().lookup("Debian:12", "sope")).isNotEmpty();
            assertThat(db.current().feedState("osv:Maven").orElseThrow().syncedAt()).isEqualTo("2022-03-25T20:56:18Z");
            assertThat(db.current().feedState("debian-tracker").orElseThrow().etag()).isNotBlank();
        }
    }

    @Test
    void unchangedFeedsAnswer304AndNoNewSnapshotIsBuilt() throws IOException {
        String first = updater.update(dir, false).version();
        server.requests.clear();
        UpdateResult second = updater.update(dir, false);
        assertThat(second.changed()).isFalse();
        assertThat(second.version()).isEqualTo(first);
        assertThat(server.conditionalRequests).contains("/osv/Maven/modified_id.csv", "/secdb/v3.18/main.json", "/tracker/data/json");
        assertThat(server.requests).noneMatch(p -> p.endsWith("all.zip"));
    }

    @Test
    void changedRecordsAreFetchedOneByOneFromModifiedIdCsv() throws IOException {
        String first = updater.update(dir, false).version();
        // log4shell withdrawn upstream (a record change), announced by a newer csv line
        String withdrawn = Files.readString(TestResources.path("osv/real/Maven/GHSA-jfh8-c2jp-5v3q.json"))
                .replaceFirst("\"modified\": \"[^\"]+\"", "\"modified\": \"2026-11-01T00:00:00Z\", \"withdrawn\": \"2026-11-01T00:00:00Z\"");
        server.put("/osv/Maven/" + LOG4SHELL + ".json", withdrawn.getBytes(StandardCharsets.UTF_8));
        server.put("/osv/Maven/modified_id.csv", csv("2026-11-01T00:00:00Z,GHSA-jfh8-c2jp-5v3q",
                "2022-03-25T20:56:18Z,GHSA-jfh8-c2jp-5v3q", "2022-03-10T00:00:00Z,GHSA-36p3-wjmg-h94x"));
        server.requests.clear();

        UpdateResult second = updater.update(dir, false);
        assertThat(second.changed()).isTrue();
        assertThat(second.feedsChanged()).containsExactly("osv:Maven");
        assertThat(server.requests).contains("/osv/Maven/" + LOG4SHELL + ".json").noneMatch(p -> p.endsWith("all.zip"));
        try (VulnDb db = VulnDb.open(dir)) {
            assertThat(db.current().version()).isEqualTo(second.version()).isNotEqualTo(first);
            assertThat(db.current().lookup("Maven", "org.apache.logging.log4j:log4j-core")).isEmpty();
            // untouched feeds carried over from the previous snapshot
            assertThat(db.current().lookup("npm", "lodash")).isNotEmpty();
            assertThat(db.current().lookup("Debian:12", "sope")).isNotEmpty();
            assertThat(db.current().feedState("osv:Maven").orElseThrow().syncedAt()).isEqualTo("2026-11-01T00:00:00Z");
        }
    }

    @Test
    void serverErrorMidUpdateLeavesTheGoodSnapshotInUse() throws IOException {
        String good = updater.update(dir, false).version();
        server.put("/osv/npm/modified_id.csv", csv("2026-11-02T00:00:00Z,GHSA-35jh-r3h4-6jhm", "2024-09-10T00:00:00Z,GHSA-qw6h-vgh9-j6wx"));
        server.put("/osv/npm/GHSA-35jh-r3h4-6jhm.json", Files.readAllBytes(TestResources.path("osv/real/npm/GHSA-35jh-r3h4-6jhm.json")));
        server.fail("/osv/npm/GHSA-35jh-r3h4-6jhm.json", 500);
        // the Maven feed changed too and was already downloaded when npm failed
        server.put("/osv/Maven/modified_id.csv", csv("2026-11-01T00:00:00Z,GHSA-jfh8-c2jp-5v3q"));
        server.put("/osv/Maven/" + LOG4SHELL + ".json", Files.readAllBytes(TestResources.path("osv/real/Maven/GHSA-jfh8-c2jp-5v3q.json")));

        assertThatThrownBy(() -> updater.update(dir, false)).isInstanceOf(IOException.class)
                .hasMessageContaining("GHSA-35jh-r3h4-6jhm.json").hasMessageContaining("HTTP 500");
        assertThat(SnapshotPointer.read(dir)).contains(good);
        assertThat(snapshotDirs()).containsExactly(good);
        assertThat(leftovers()).isEmpty();

        server.heal();
        UpdateResult retried = updater.update(dir, false);
        assertThat(retried.changed()).isTrue();
        assertThat(retried.feedsChanged()).contains("osv:Maven", "osv:npm");
    }

    @Test
    void truncatedZipNeverBecomesASnapshot() throws IOException {
        byte[] zip = zipOf(TestResources.path("osv/real/Maven"));
        server.put("/osv/Maven/all.zip", Arrays.copyOf(zip, zip.length / 2));
        assertThatThrownBy(() -> updater.update(dir, false)).isInstanceOf(IOException.class).hasMessageContaining("all.zip");
        assertThat(SnapshotPointer.read(dir)).isEmpty();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void bodyCutShortOfItsContentLengthFailsTheUpdate() throws IOException {
        String good = updater.update(dir, false).version();
        server.put("/tracker/data/json", (new String(Files.readAllBytes(TestResources.path("debian-tracker/sample/sample.json")),
                StandardCharsets.UTF_8) + " ").getBytes(StandardCharsets.UTF_8));
        server.cutShort("/tracker/data/json");
        assertThatThrownBy(() -> updater.update(dir, false)).isInstanceOf(IOException.class).hasMessageContaining("/tracker/data/json");
        assertThat(SnapshotPointer.read(dir)).contains(good);
    }

    @Test
    void fullUpdateRebuildsFromEmpty() throws IOException {
        updater.update(dir, false);
        server.requests.clear();
        UpdateResult full = updater.update(dir, true);
        assertThat(full.changed()).isTrue();
        assertThat(server.requests).contains("/osv/Maven/all.zip", "/osv/npm/all.zip");
        assertThat(server.conditionalRequests).isEmpty();
    }

    private List<String> snapshotDirs() throws IOException {
        try (Stream<Path> list = Files.list(dir.resolve("snapshots"))) {
            return list.map(p -> p.getFileName().toString()).toList();
        }
    }

    private List<Path> leftovers() throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".partial") || p.getFileName().toString().startsWith(".update-"))
                    .toList();
        }
    }

    private static byte[] csv(String... lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] zipOf(Path dir) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                zip.putNextEntry(new ZipEntry(f.getFileName().toString()));
                zip.write(Files.readAllBytes(f));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
