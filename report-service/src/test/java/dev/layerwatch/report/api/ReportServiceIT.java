package dev.layerwatch.report.api;

import static dev.layerwatch.report.ReportApi.q;
import static org.assertj.core.api.Assertions.assertThat;

import dev.layerwatch.common.event.EventJson;
import dev.layerwatch.common.event.ScanCompleted;
import dev.layerwatch.common.event.Topics;
import dev.layerwatch.report.ReportApi;
import dev.layerwatch.report.ReportApplication;
import dev.layerwatch.report.ScanResultFixtures;
import dev.layerwatch.testkit.kafka.KafkaBrokerExtension;
import dev.layerwatch.testkit.postgres.PostgresServerExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** report-service as it runs: scan results through a real KRaft broker into a real PostgreSQL, read back over HTTP. */
@SpringBootTest(classes = ReportApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReportServiceIT {

    static final String READ = "read-token-1";
    static final String ADMIN = "admin-token-1";

    @RegisterExtension
    static KafkaBrokerExtension kafka = new KafkaBrokerExtension();
    @RegisterExtension
    static PostgresServerExtension postgres = PostgresServerExtension.shared();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry props) {
        props.add("spring.kafka.bootstrap-servers", kafka::bootstrapServers);
        props.add("spring.datasource.url", postgres::jdbcUrl);
        props.add("spring.datasource.username", postgres::username);
        props.add("management.server.port", () -> "0");
        props.add("layerwatch.report.tokens[0].name", () -> "dashboard");
        props.add("layerwatch.report.tokens[0].token", () -> READ);
        props.add("layerwatch.report.tokens[0].role", () -> "read");
        props.add("layerwatch.report.tokens[1].name", () -> "ops");
        props.add("layerwatch.report.tokens[1].token", () -> ADMIN);
        props.add("layerwatch.report.tokens[1].role", () -> "admin");
        props.add("layerwatch.report.teams.payments[0]", () -> "pay/**");
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    ReportApi api() {
        return new ReportApi("http://127.0.0.1:" + port, READ);
    }

    static void publish(String key, byte[] value) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd", ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.SCAN_COMPLETED, key, value)).get();
        }
    }

    static void publish(ScanCompleted result) throws Exception {
        publish(result.key(), EventJson.write(result));
    }

    long scans(String eventId) {
        return jdbc.sql("SELECT count(*) FROM scans WHERE event_id = :id").param("id", eventId).query(Long.class).single();
    }

    void awaitStored(String eventId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (scans(eventId) == 0) {
            assertThat(System.nanoTime()).as("scan result %s stored within 60 s", eventId).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    static List<String> texts(JsonNode items, String field) {
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(i.path(field).asString()));
        return out;
    }

    @Test
    void log4shellIsFoundByIdAliasAndPackageRangeInEveryCopyButNotInTheFixedJar() throws Exception {
        Instant t0 = Instant.parse("2026-12-01T10:00:00Z");
        ScanCompleted javaApp = ScanResultFixtures.javaApp("q/java-app", "1.0", t0);
        ScanCompleted whiteout = ScanResultFixtures.whiteout("q/whiteout", "1.0", t0.plusSeconds(60));
        publish(javaApp);
        publish(whiteout);
        awaitStored(javaApp.eventId());
        awaitStored(whiteout.eventId());

        JsonNode affected = api().get("/api/v1/vulnerabilities/CVE-2021-44228/images?size=100").body();
        List<String> javaAppPaths = new ArrayList<>();
        affected.path("items").forEach(i -> {
            if (i.path("repository").asString().equals("q/java-app")) {
                javaAppPaths.add(i.path("path").asString());
            }
        });
        assertThat(javaAppPaths).as(affected.toString()).containsExactlyInAnyOrderElementsOf(ScanResultFixtures.JAVA_APP_PATHS);
        assertThat(texts(affected.path("items"), "packageVersion")).containsOnly("2.14.1");
        assertThat(texts(affected.path("items"), "path")).doesNotContain("/app/lib/log4j-core-2.17.1.jar");
        affected.path("items").forEach(i -> {
            if (i.path("repository").asString().equals("q/java-app")) {
                assertThat(i.path("tag").asString()).isEqualTo("1.0");
                assertThat(i.path("fixedVersions").get(0).asString()).isEqualTo("2.15.0");
            }
        });

        JsonNode byAlias = api().get("/api/v1/vulnerabilities/GHSA-jfh8-c2jp-5v3q/images?size=100").body();
        assertThat(byAlias.path("total").asLong()).isEqualTo(affected.path("total").asLong());

        JsonNode range = api().get("/api/v1/packages/images?size=100&purl=" + q("pkg:maven/org.apache.logging.log4j/log4j-core")
                + "&range=" + q("<2.17.1")).body();
        assertThat(texts(range.path("items"), "version")).containsOnly("2.14.1");
        List<String> rangePaths = new ArrayList<>();
        range.path("items").forEach(i -> {
            if (i.path("repository").asString().equals("q/java-app")) {
                rangePaths.add(i.path("path").asString());
            }
        });
        assertThat(rangePaths).containsExactlyInAnyOrderElementsOf(ScanResultFixtures.JAVA_APP_PATHS);
        JsonNode fixed = api().get("/api/v1/packages/images?purl=" + q("pkg:maven/org.apache.logging.log4j/log4j-core") + "&range=" + q(">=2.17.1")).body();
        assertThat(texts(fixed.path("items"), "path")).contains("/app/lib/log4j-core-2.17.1.jar");
        assertThat(texts(fixed.path("items"), "version")).containsOnly("2.17.1");
        // Maven order, not string order: 2.9.1 < 2.17.1 although "2.9.1" > "2.17.1" as text
        assertThat(api().get("/api/v1/packages/images?purl=" + q("pkg:maven/org.apache.logging.log4j/log4j-core") + "&range=" + q("<2.9.1"))
                .body().path("total").asLong()).isZero();
        // OS packages in dpkg's scheme, with a wildcard
        JsonNode openssl = api().get("/api/v1/packages/images?purl=" + q("pkg:deb/debian/openssl") + "&range=" + q("3.0.x")).body();
        assertThat(openssl.path("total").asLong()).isGreaterThanOrEqualTo(2);

        JsonNode report = api().get("/api/v1/images/report?ref=" + q("q/java-app:1.0")).body();
        assertThat(report.path("image").path("repository").asString()).isEqualTo("q/java-app");
        assertThat(report.path("findings")).hasSize(3);
        assertThat(report.path("layers")).hasSize(2);
        assertThat(report.path("image").path("os").path("id").asString()).isEqualTo("debian");
        JsonNode byDigest = api().get("/api/v1/images/report?packages=true&ref=" + q(javaApp.digest().toString())).body();
        assertThat(byDigest.path("packages")).hasSize(9);
    }

    @Test
    void baseLayersAreStoredOnceAndARedeliveredResultOnce() throws Exception {
        Instant t0 = Instant.parse("2026-12-01T11:00:00Z");
        ScanCompleted a = ScanResultFixtures.javaApp("dedupe/a", "1", t0);
        ScanCompleted b = ScanResultFixtures.whiteout("dedupe/b", "1", t0);
        publish(a);
        publish(a);
        publish(b);
        awaitStored(a.eventId());
        awaitStored(b.eventId());
        String baseLayer = ScanResultFixtures.debianBase().layer();
        assertThat(jdbc.sql("SELECT count(*) FROM layer_inventories WHERE layer_digest = :l").param("l", baseLayer).query(Long.class).single())
                .as("one Debian base layer inventory, however many images use it").isEqualTo(1);
        assertThat(scans(a.eventId())).isEqualTo(1);
        Thread.sleep(1000);
        assertThat(jdbc.sql("SELECT count(*) FROM findings f JOIN repositories r ON r.id = f.repository_id WHERE r.name = 'dedupe/a'")
                .query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void aNewerPushWithoutTheJarResolvesTheFindingsAndAnOlderOneBringsThemBack() throws Exception {
        Instant t0 = Instant.parse("2026-12-02T10:00:00Z");
        ScanCompleted vulnerable = ScanResultFixtures.javaApp("life/app", "stable", t0);
        publish(vulnerable);
        awaitStored(vulnerable.eventId());
        ScanCompleted fixedPush = ScanResultFixtures.fixedApp("life/app", "stable", t0.plusSeconds(3600));
        publish(fixedPush);
        awaitStored(fixedPush.eventId());

        JsonNode affected = api().get("/api/v1/vulnerabilities/CVE-2021-44228/images?size=500").body();
        assertThat(texts(affected.path("items"), "repository")).doesNotContain("life/app");
        JsonNode changes = api().get("/api/v1/changes?size=500&since=" + q(t0.minusSeconds(1).toString())).body();
        List<String> lifeChanges = new ArrayList<>();
        changes.path("items").forEach(c -> {
            if (c.path("repository").asString().equals("life/app")) {
                lifeChanges.add(c.path("change").asString() + ":" + c.path("resolution").asString(""));
            }
        });
        assertThat(lifeChanges).containsExactlyInAnyOrder("appeared:", "appeared:", "appeared:",
                "fixed:fixed-by-push", "fixed:fixed-by-push", "fixed:fixed-by-push");

        // a late, older result does not move the tag back
        ScanCompleted late = ScanResultFixtures.javaApp("life/app", "stable", t0.plusSeconds(60));
        publish(late);
        awaitStored(late.eventId());
        assertThat(texts(api().get("/api/v1/vulnerabilities/CVE-2021-44228/images?size=500").body().path("items"), "repository"))
                .doesNotContain("life/app");

        // the vulnerable build pushed again: re-introduced, first seen kept
        ScanCompleted again = ScanResultFixtures.javaApp("life/app", "stable", t0.plusSeconds(7200));
        publish(again);
        awaitStored(again.eventId());
        JsonNode back = api().get("/api/v1/images/report?ref=" + q("life/app:stable")).body();
        assertThat(back.path("findings")).hasSize(3);
        assertThat(back.path("findings").get(0).path("reintroducedAt").asString()).isEqualTo("2026-12-02T12:00:00Z");
        assertThat(back.path("findings").get(0).path("firstSeen").asString()).isEqualTo("2026-12-02T10:00:00Z");
        JsonNode history = api().get("/api/v1/images/history?ref=" + q("life/app:stable")).body();
        assertThat(history.path("total").asLong()).isEqualTo(4);

        JsonNode posture = api().get("/api/v1/posture?window=3650d").body();
        JsonNode life = null;
        for (JsonNode r : posture.path("repositories")) {
            if (r.path("name").asString().endsWith("/life/app")) {
                life = r;
            }
        }
        assertThat(life).isNotNull();
        assertThat(life.path("open").path("CRITICAL").asLong()).isEqualTo(3);
        assertThat(life.path("fixedInWindow").asLong()).isEqualTo(0);
    }

    @Test
    void badInputIsRefusedWithTheRightStatus() throws Exception {
        ReportApi api = api();
        assertThat(api.send("GET", "/api/v1/images", null).status()).isEqualTo(401);
        assertThat(api.send("GET", "/api/v1/images", "wrong").status()).isEqualTo(401);
        assertThat(api.send("GET", "/api/v1/images", "wrong").body().path("error").asString()).contains("unknown API token");
        ReportApi.Reply forbidden = api.send("DELETE", "/api/v1/images/" + ScanResultFixtures.digest("x"), READ);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(api.send("DELETE", "/api/v1/images/" + ScanResultFixtures.digest("never-stored"), ADMIN).status()).isEqualTo(404);

        ReportApi.Reply unknown = api.get("/api/v1/images/report?ref=" + q("nobody/nothing:1.0"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().path("error").asString()).contains("nobody/nothing:1.0");
        assertThat(api.get("/api/v1/vulnerabilities/not%20an%20id/images").body().path("parameter").asString()).isEqualTo("vulnerability id");
        ReportApi.Reply badPurl = api.get("/api/v1/packages/images?purl=" + q("maven/log4j"));
        assertThat(badPurl.status()).isEqualTo(400);
        assertThat(badPurl.body().path("parameter").asString()).isEqualTo("purl");
        ReportApi.Reply badRange = api.get("/api/v1/packages/images?purl=" + q("pkg:maven/a/b") + "&range=" + q("<"));
        assertThat(badRange.status()).isEqualTo(400);
        assertThat(badRange.body().path("parameter").asString()).isEqualTo("range");
        assertThat(api.get("/api/v1/images?severity=SEVERE").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/changes?since=yesterday").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/images?size=100000").body().path("size").asInt()).as("page size capped").isEqualTo(500);
        assertThat(api.send("GET", "/api/v1/openapi.yaml", null).status()).as("the document needs no token").isEqualTo(200);
    }

    @Test
    void anUnreadableResultGoesToTheDlqWithItsReasonAndTheNextOneIsStored() throws Exception {
        publish("garbage", "{\"eventId\": \"x\", \"status\": 42".getBytes(StandardCharsets.UTF_8));
        ScanCompleted next = ScanResultFixtures.javaApp("dlq/next", "1", Instant.parse("2026-12-01T12:00:00Z"));
        publish(next.key(), EventJson.write(next));
        awaitStored(next.eventId());
        List<ConsumerRecord<String, String>> dead = kafka.readAll(Topics.deadLetter(Topics.SCAN_COMPLETED), 1, Duration.ofSeconds(30));
        ConsumerRecord<String, String> record = dead.stream().filter(r -> "garbage".equals(r.key())).findFirst().orElseThrow();
        String reason = new String(record.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8);
        assertThat(reason).contains("unreadable ScanCompleted");
    }
}
