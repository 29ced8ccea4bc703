package dev.layerwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DbCommandTest {

    @TempDir
    Path db;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    static String resource(String name) {
        try {
            return Path.of(DbCommandTest.class.getClassLoader().getResource("db/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void importThenInfoShowsVersionAndCountsPerSourceAndEcosystem() throws Exception {
        int rc = Layerwatch.run("db", "import", "--db", db.toString(), "--osv", resource("osv"),
                "--alpine-secdb", resource("alpine-main.json"), "--debian-tracker", resource("debian-tracker.json"),
                "--debian-release", "bookworm=12");
        assertThat(rc).as(err.toString()).isZero();
        assertThat(out.toString()).contains("imported").contains("1 withdrawn skipped");
        String version = Files.readString(db.resolve("current")).trim();
        out.reset();

        assertThat(Layerwatch.run("db", "info", "--db", db.toString())).isZero();
        assertThat(out.toString())
                .contains("version:    " + version)
                .contains("source osv:").containsPattern("Maven\\s+1").containsPattern("npm\\s+1")
                .contains("source alpine-secdb:").contains("Alpine:v3.18")
                .contains("source debian-tracker:").contains("Debian:12");
    }

    @Test
    void corruptFeedFileIsAWarningAndTheImportGoesOn() {
        int rc = Layerwatch.run("db", "import", "--db", db.toString(), "--osv", resource("corrupt"), "--osv", resource("osv"));
        assertThat(rc).isZero();
        assertThat(err.toString()).contains("warning:").contains("truncated.json");
    }

    @Test
    void importWithoutFeedsIsAUsageError() {
        assertThat(Layerwatch.run("db", "import", "--db", db.toString())).isEqualTo(Layerwatch.EXIT_USAGE);
    }

    @Test
    void infoOnAnEmptyDirectoryNamesTheFix() {
        assertThat(Layerwatch.run("db", "info", "--db", db.toString())).isEqualTo(Layerwatch.EXIT_USAGE);
        assertThat(err.toString()).contains("db import");
    }
}
