package dev.layerwatch.report;

import static dev.layerwatch.report.ReportApi.q;

import dev.layerwatch.common.event.EventJson;
import dev.layerwatch.common.event.OsSummary;
import dev.layerwatch.common.event.ScanCompleted;
import dev.layerwatch.common.event.ScanSummary;
import dev.layerwatch.common.event.Topics;
import dev.layerwatch.common.finding.PackageRef;
import dev.layerwatch.common.finding.Severity;
import dev.layerwatch.common.finding.VulnerabilityFinding;
import dev.layerwatch.common.image.Digest;
import dev.layerwatch.common.image.Platform;
import dev.layerwatch.common.inventory.InventoryPackage;
import dev.layerwatch.common.inventory.LayerInventory;
import dev.layerwatch.testkit.kafka.KafkaBrokerExtension;
import dev.layerwatch.testkit.postgres.PostgresServerExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntFunction;
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

/**
 * Issue 12's store benchmark (bench/report-store.sh; not run by CI: the name matches neither *Test nor *IT).
 * {@code -Dimages=50000} images built from 40 Debian base images (the real dpkg status of a bookworm image, one point
 * release per base) and per-image application layers (real Maven and npm names and versions), published to a real
 * broker and stored by the real consumer into a real PostgreSQL; then the API's questions are timed over HTTP.
 */
@SpringBootTest(classes = ReportApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReportStoreBenchmark {

    static final String TOKEN = "bench";
    static final int IMAGES = Integer.getInteger("images", 50_000);
    static final int BASES = 40;

    @RegisterExtension
    static KafkaBrokerExtension kafka = new KafkaBrokerExtension();
    @RegisterExtension
    static PostgresServerExtension postgres = PostgresServerExtension.shared();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry props) {
        props.add("spring.kafka.bootstrap-servers", kafka::bootstrapServers);
        props.add("spring.datasource.url", () -> postgres.jdbcUrl() + "?reWriteBatchedInserts=true");
        props.add("spring.datasource.username", postgres::username);
        props.add("management.server.port", () -> "0");
        props.add("layerwatch.report.tokens[0].name", () -> "bench");
        props.add("layerwatch.report.tokens[0].token", () -> TOKEN);
        props.add("layerwatch.report.consumer.concurrency", () -> "3");
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    // real artifact names and versions seen in Java and Node images
    static final String[][] MAVEN = {
            {"org.apache.logging.log4j", "log4j-core", "2.14.1", "2.16.0", "2.17.1", "2.20.0"},
            {"org.apache.logging.log4j", "log4j-api", "2.14.1", "2.17.1", "2.20.0"},
            {"com.fasterxml.jackson.core", "jackson-databind", "2.12.7", "2.13.3", "2.13.4.2", "2.15.2"},
            {"com.fasterxml.jackson.core", "jackson-core", "2.13.3", "2.15.2"},
            {"org.springframework", "spring-core", "5.3.20", "5.3.27", "6.0.11"},
            {"org.springframework", "spring-web", "5.3.20", "6.0.11"},
            {"org.yaml", "snakeyaml", "1.30", "1.33", "2.0"},
            {"com.google.guava", "guava", "30.1-jre", "31.1-jre", "32.1.2-jre"},
            {"org.apache.commons", "commons-text", "1.9", "1.10.0"},
            {"commons-io", "commons-io", "2.7", "2.11.0"},
            {"io.netty", "netty-handler", "4.1.77.Final", "4.1.94.Final"},
            {"org.apache.tomcat.embed", "tomcat-embed-core", "9.0.63", "10.1.11"},
            {"ch.qos.logback", "logback-classic", "1.2.11", "1.4.8"},
            {"org.postgresql", "postgresql", "42.3.3", "42.6.0"},
    };
    static final String[][] NPM = {
            {"lodash", "4.17.15", "4.17.21"}, {"express", "4.17.1", "4.18.2"}, {"minimist", "1.2.5", "1.2.8"},
            {"axios", "0.21.1", "1.4.0"}, {"json5", "1.0.1", "2.2.3"}, {"semver", "5.7.1", "7.5.4"}, {"qs", "6.7.0", "6.11.2"},
    };

    record Base(LayerInventory layer, String opensslVersion) {
    }

    @Test
    void storeAndQuery() throws Exception {
        List<String[]> dpkg = dpkgStatus(Path.of("../scan-engine/src/test/resources/ecosystem/debian/real-status/var/lib/dpkg/status"));
        List<Base> bases = new ArrayList<>();
        for (int b = 0; b < BASES; b++) {
            List<InventoryPackage> packages = new ArrayList<>();
            String openssl = null;
            for (String[] p : dpkg.subList(0, Math.min(dpkg.size(), 200 + b * 13))) {
                String version = p[1] + (b % 5 == 0 ? "" : "+deb12u" + (b % 5));
                if (p[0].equals("openssl") || p[0].equals("libssl3")) {
                    openssl = version;
                }
                packages.add(new InventoryPackage(p[0], version, "deb", "pkg:deb/debian/" + p[0] + "@" + version + "?distro=debian-12",
                        p[2], null, List.of("/var/lib/dpkg/status")));
            }
            bases.add(new Base(new LayerInventory(digest("base-" + b), packages), openssl));
        }
        Random random = new Random(12);
        IntFunction<ScanCompleted> image = i -> image(i, bases.get(i % BASES), new Random(i));

        long start = System.nanoTime();
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd", ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < IMAGES; i++) {
                ScanCompleted result = image.apply(i);
                producer.send(new ProducerRecord<>(Topics.SCAN_COMPLETED, result.key(), EventJson.write(result)));
            }
        }
        double published = (System.nanoTime() - start) / 1e9;
        long stored;
        while ((stored = jdbc.sql("SELECT count(*) FROM scans").query(Long.class).single()) < IMAGES) {
            Thread.sleep(1000);
            System.out.printf("BENCHMARK progress %d/%d stored after %.0f s%n", stored, IMAGES, (System.nanoTime() - start) / 1e9);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        jdbc.sql("VACUUM ANALYZE").update();
        long dbBytes = jdbc.sql("SELECT pg_database_size(current_database())").query(Long.class).single();
        long packageRows = jdbc.sql("SELECT count(*) FROM inventory_packages").query(Long.class).single();
        long inventories = jdbc.sql("SELECT count(*) FROM layer_inventories").query(Long.class).single();

        ReportApi api = new ReportApi("http://127.0.0.1:" + port, TOKEN);
        String[] cves = {"CVE-2021-44228", "CVE-2022-42003", "CVE-2023-5678", "GHSA-jfh8-c2jp-5v3q"};
        double[] vuln = time(300, n -> api.get("/api/v1/vulnerabilities/" + cves[n % cves.length] + "/images?size=50"));
        double[] pkg = time(300, n -> {
            String[] m = MAVEN[n % MAVEN.length];
            api.get("/api/v1/packages/images?size=50&purl=" + q("pkg:maven/" + m[0] + "/" + m[1]) + "&range=" + q("<" + m[m.length - 1]));
        });
        double[] report = time(300, n -> api.get("/api/v1/images/report?ref=" + q("bench/app-" + random.nextInt(IMAGES) + ":1.0")));

        String summary = String.format("""
                images: %d from %d base images (real dpkg status, %d-%d packages) + app layers (Maven/npm)
                published in %.1f s; all stored after %.1f s: ingest %.0f images/s (3 consumer threads, one transaction per image)
                database: %.1f MiB = %.1f KiB per image; %d layer inventories, %d package rows
                vulnerability -> images (size 50): p50 %.1f ms, p99 %.1f ms
                package -> images with range (size 50): p50 %.1f ms, p99 %.1f ms
                image report (repo:tag): p50 %.1f ms, p99 %.1f ms
                """, IMAGES, BASES, 200, 200 + (BASES - 1) * 13, published, seconds, IMAGES / seconds, dbBytes / 1048576.0,
                dbBytes / 1024.0 / IMAGES, inventories, packageRows, vuln[0], vuln[1], pkg[0], pkg[1], report[0], report[1]);
        System.out.println("BENCHMARK\n" + summary);
        Files.writeString(Path.of("target/report-store-benchmark.txt"), summary);
    }

    interface Call {
        void run(int n) throws Exception;
    }

    static double[] time(int n, Call call) throws Exception {
        for (int i = 0; i < 20; i++) {
            call.run(i);
        }
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            call.run(i);
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return new double[] {ms[n / 2], ms[(int) Math.ceil(n * 0.99) - 1]};
    }

    static ScanCompleted image(int i, Base base, Random random) {
        List<InventoryPackage> app = new ArrayList<>();
        List<VulnerabilityFinding> findings = new ArrayList<>();
        String appLayer = digest("app-" + i);
        for (String[] m : MAVEN) {
            if (random.nextInt(3) == 0) {
                continue;
            }
            String version = m[2 + random.nextInt(m.length - 2)];
            String path = "/app/lib/" + m[1] + "-" + version + ".jar";
            InventoryPackage p = new InventoryPackage(m[0] + ":" + m[1], version, "maven", "pkg:maven/" + m[0] + "/" + m[1] + "@" + version,
                    null, null, List.of(path));
            app.add(p);
            if (m[1].equals("log4j-core") && !version.equals("2.17.1") && !version.equals("2.20.0")) {
                findings.add(finding("CVE-2021-44228", List.of("GHSA-jfh8-c2jp-5v3q"), p, "2.15.0", Severity.CRITICAL, appLayer));
            }
            if (m[1].equals("jackson-databind") && (version.startsWith("2.12") || version.equals("2.13.3"))) {
                findings.add(finding("CVE-2022-42003", List.of("GHSA-jjjh-jjxp-wpff"), p, "2.13.4.1", Severity.HIGH, appLayer));
            }
        }
        for (String[] n : NPM) {
            if (random.nextBoolean()) {
                String version = n[1 + random.nextInt(n.length - 1)];
                app.add(new InventoryPackage(n[0], version, "npm", "pkg:npm/" + n[0] + "@" + version, null, null,
                        List.of("/app/node_modules/" + n[0] + "/package.json")));
            }
        }
        if (base.opensslVersion() != null) {
            InventoryPackage ssl = new InventoryPackage("openssl", base.opensslVersion(), "deb", "pkg:deb/debian/openssl@" + base.opensslVersion(),
                    "openssl", null, List.of("/var/lib/dpkg/status"));
            findings.add(finding("CVE-2023-5678", List.of("DSA-5585-1"), ssl, "3.0.13-1~deb12u1", Severity.MEDIUM, base.layer().layer()));
        }
        Digest manifest = Digest.parse(digest("manifest-" + i));
        return new ScanCompleted(UUID.randomUUID().toString(), ScanCompleted.SCHEMA_VERSION, "bench", ScanCompleted.Status.SUCCEEDED, null,
                "registry.bench:5000", "bench/app-" + i, "1.0", manifest, manifest, Platform.parse("linux/amd64"),
                new OsSummary("debian", "12", "Debian GNU/Linux 12 (bookworm)", false, LocalDate.parse("2028-06-30")),
                new ScanSummary(base.layer().packages().size() + app.size(), 2, null, 0, 0), findings, List.of(), List.of(), List.of(),
                "bench-db", "bench", Instant.parse("2026-12-01T00:00:00Z").plusSeconds(i), null, null, null,
                List.of(base.layer(), new LayerInventory(appLayer, app)));
    }

    static VulnerabilityFinding finding(String id, List<String> aliases, InventoryPackage p, String fixed, Severity severity, String layer) {
        return new VulnerabilityFinding(id, aliases, new PackageRef(p.name(), p.version(), p.type(), p.purl(), p.locations().getFirst()),
                List.of(fixed), severity, null, id, "bench", layer, null);
    }

    static List<String[]> dpkgStatus(Path status) throws Exception {
        List<String[]> packages = new ArrayList<>();
        for (String stanza : Files.readString(status, StandardCharsets.UTF_8).split("\n\n")) {
            String name = null;
            String version = null;
            String source = null;
            for (String line : stanza.split("\n")) {
                if (line.startsWith("Package: ")) {
                    name = line.substring(9).trim();
                } else if (line.startsWith("Version: ")) {
                    version = line.substring(9).trim();
                } else if (line.startsWith("Source: ")) {
                    source = line.substring(8).trim().split(" ")[0];
                }
            }
            if (name != null && version != null) {
                packages.add(new String[] {name, version, source});
            }
        }
        return packages;
    }

    static String digest(String seed) {
        try {
            return Digest.sha256(MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8))).toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
