package dev.layerwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code layerwatch db update} against feeds served from 127.0.0.1. */
class DbUpdateCommandIT {

    @TempDir
    Path db;
    HttpServer server;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream oldOut;
    PrintStream oldErr;

    @BeforeEach
    void start() throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("GHSA-35jh-r3h4-6jhm.json"));
            z.write(Files.readAllBytes(Path.of(DbCommandTest.resource("osv")).resolve("GHSA-35jh-r3h4-6jhm.json")));
            z.closeEntry();
        }
        Map<String, byte[]> files = Map.of(
                "/osv/npm/all.zip", zip.toByteArray(),
                "/osv/npm/modified_id.csv", "2022-02-01T00:00:00Z,GHSA-35jh-r3h4-6jhm\n".getBytes(StandardCharsets.UTF_8),
                "/v3.18/main.json", Files.readAllBytes(Path.of(DbCommandTest.resource("alpine-main.json"))),
                "/tracker/json", Files.readAllBytes(Path.of(DbCommandTest.resource("debian-tracker.json"))));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = files.get(exchange.getRequestURI().getPath());
                String etag = body == null ? null : "\"" + body.length + "\"";
                if (body == null) {
                    exchange.sendResponseHeaders(404, -1);
                } else if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                    exchange.sendResponseHeaders(304, -1);
                } else {
                    exchange.getResponseHeaders().set("ETag", etag);
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream o = exchange.getResponseBody()) {
                        o.write(body);
                    }
                }
            }
        });
        server.start();
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        System.setOut(oldOut);
        System.setErr(oldErr);
        server.stop(0);
    }

    private int update() {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return Layerwatch.run("db", "update", "--db", db.toString(), "--osv-base-url", base + "/osv/",
                "--osv-ecosystem", "npm", "--alpine-secdb-url", base + "/v3.18/main.json",
                "--debian-tracker-url", base + "/tracker/json");
    }

    @Test
    void updateBuildsASnapshotThenReportsUpToDate() {
        assertThat(update()).as(err.toString()).isZero();
        assertThat(out.toString()).contains("updated").contains("osv:npm");
        out.reset();
        assertThat(update()).isZero();
        assertThat(out.toString()).contains("is up to date");
        out.reset();
        assertThat(Layerwatch.run("db", "info", "--db", db.toString())).isZero();
        assertThat(out.toString()).containsPattern("npm\\s+1").contains("Alpine:v3.18").contains("Debian:12");
    }

    @Test
    void unreachableFeedFailsWithUsageCodeAndNoSnapshot() {
        server.stop(0);
        assertThat(update()).isEqualTo(Layerwatch.EXIT_USAGE);
        assertThat(err.toString()).contains("cannot download");
        assertThat(Files.exists(db.resolve("current"))).isFalse();
    }
}
