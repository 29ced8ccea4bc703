package dev.layerwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.cyclonedx.Version;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.vulnerability.Vulnerability;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code layerwatch scan --db}: a DB imported at test time from the real Log4Shell GHSA record and a trimmed
 * real Debian tracker entry, and rootfs fixtures with a real-layout log4j-core jar built here.
 */
class ScanVulnerabilitiesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String LOG4J = "org.apache.logging.log4j:log4j-core";

    @TempDir
    static Path shared;
    static Path db;
    static Path vulnerable;
    static Path patched;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @TempDir
    Path tmp;

    @BeforeAll
    static void importDbAndBuildRootfs() throws Exception {
        Path feeds = Path.of(ScanVulnerabilitiesTest.class.getClassLoader().getResource("vulnscan/feeds").toURI());
        db = shared.resolve("db");
        int imported = Layerwatch.run("db", "import", "--db", db.toString(), "--osv", feeds.resolve("osv").toString(),
                "--debian-tracker", feeds.resolve("debian-tracker-chromium.json").toString());
        assertThat(imported).isZero();
        vulnerable = rootfs(shared.resolve("log4j-2.14.1"), "2.14.1", true);
        patched = rootfs(shared.resolve("log4j-2.17.1"), "2.17.1", false);
    }

    /** A Debian rootfs (buster with chromium, whose CVE-2022-0456 has no fix there, when {@code withChromium}) holding the jar. */
    static Path rootfs(Path root, String log4jVersion, boolean withChromium) throws Exception {
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/os-release"), withChromium
                ? "PRETTY_NAME=\"Debian GNU/Linux 10 (buster)\"\nNAME=\"Debian GNU/Linux\"\nVERSION_ID=\"10\"\nVERSION_CODENAME=buster\nID=debian\n"
                : "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\nVERSION_ID=\"12\"\nVERSION_CODENAME=bookworm\nID=debian\n");
        if (withChromium) {
            Files.createDirectories(root.resolve("var/lib/dpkg"));
            Files.writeString(root.resolve("var/lib/dpkg/status"), """
                    Package: chromium
                    Status: install ok installed
                    Priority: optional
                    Section: web
                    Architecture: amd64
                    Version: 90.0.4430.212-1~deb10u1
                    Description: web browser

                    """);
        }
        Path lib = Files.createDirectories(root.resolve("app/lib"));
        try (OutputStream file = Files.newOutputStream(lib.resolve("log4j-core-" + log4jVersion + ".jar"));
             ZipOutputStream jar = new ZipOutputStream(file)) {
            jar.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            jar.write(("Manifest-Version: 1.0\r\nBundle-SymbolicName: org.apache.logging.log4j.core\r\nImplementation-Version: "
                    + log4jVersion + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            jar.putNextEntry(new ZipEntry("META-INF/maven/org.apache.logging.log4j/log4j-core/pom.properties"));
            jar.write(("#Created by Apache Maven 3.6.3\nversion=" + log4jVersion
                    + "\ngroupId=org.apache.logging.log4j\nartifactId=log4j-core\n").getBytes(StandardCharsets.UTF_8));
            jar.putNextEntry(new ZipEntry("org/apache/logging/log4j/core/lookup/JndiLookup.class"));
            jar.write(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE});
        }
        return root;
    }

    @BeforeEach
    void capture() {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    private int scan(Path rootfs, String... options) {
        List<String> args = new ArrayList<>(List.of("scan", "dir:" + rootfs, "--db", db.toString()));
        args.addAll(List.of(options));
        return Layerwatch.run(new Layerwatch.Context(Map.of(), tmp, false), args.toArray(String[]::new));
    }

    private JsonNode json(Path rootfs, String... options) {
        List<String> args = new ArrayList<>(List.of("--format", "json"));
        args.addAll(List.of(options));
        int code = scan(rootfs, args.toArray(String[]::new));
        assertThat(code).as(stderr()).isIn(0, 1, 3);
        return JSON.readTree(out.toByteArray());
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static List<String> ids(JsonNode array) {
        return array.valueStream().map(f -> f.path("id").asString()).toList();
    }

    private static JsonNode finding(JsonNode doc, String id) {
        return doc.path("findings").valueStream().filter(f -> f.path("id").asString().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void jsonReportsLog4ShellFor2141AndNothingFor2171() {
        JsonNode doc = json(vulnerable);
        assertThat(doc.path("vulnDbVersion").asString()).isNotBlank();
        JsonNode log4shell = finding(doc, "CVE-2021-44228");
        assertThat(log4shell.path("severity").asString()).isEqualTo("CRITICAL");
        assertThat(log4shell.path("aliases").valueStream().map(JsonNode::asString)).contains("GHSA-jfh8-c2jp-5v3q");
        assertThat(log4shell.path("package").path("name").asString()).isEqualTo(LOG4J);
        assertThat(log4shell.path("package").path("version").asString()).isEqualTo("2.14.1");
        assertThat(log4shell.path("fixedVersions").valueStream().map(JsonNode::asString)).containsExactly("2.15.0");
        assertThat(log4shell.path("cvss").path("score").asDouble()).isEqualTo(10.0);
        assertThat(log4shell.path("fingerprint").asString()).isNotBlank();
        assertThat(doc.path("suppressed").isEmpty()).isTrue();

        out.reset();
        JsonNode clean = json(patched);
        assertThat(clean.path("vulnDbVersion").asString()).isEqualTo(doc.path("vulnDbVersion").asString());
        assertThat(clean.path("packages").valueStream().map(p -> p.path("name").asString() + "@" + p.path("version").asString()))
                .contains(LOG4J + "@2.17.1");
        assertThat(clean.path("findings").isEmpty()).isTrue();
    }

    @Test
    void sarifIsA210LogWithTheFindingAtTheJar() {
        assertThat(scan(vulnerable, "--format", "sarif")).as(stderr()).isZero();
        JsonNode sarif = JSON.readTree(out.toByteArray());
        assertThat(sarif.path("version").asString()).isEqualTo("2.1.0");
        assertThat(sarif.path("$schema").asString()).contains("sarif-2.1.0");
        JsonNode run = sarif.path("runs").get(0);
        assertThat(run.path("tool").path("driver").path("name").asString()).isEqualTo("layerwatch");
        JsonNode rules = run.path("tool").path("driver").path("rules");
        assertThat(ids(rules)).contains("CVE-2021-44228");
        JsonNode rule = rules.valueStream().filter(r -> r.path("id").asString().equals("CVE-2021-44228")).findFirst().orElseThrow();
        assertThat(rule.path("properties").path("security-severity").asDouble()).isGreaterThanOrEqualTo(9.0);
        JsonNode result = run.path("results").valueStream()
                .filter(r -> r.path("ruleId").asString().equals("CVE-2021-44228")).findFirst().orElseThrow();
        assertThat(result.path("level").asString()).isEqualTo("error");
        assertThat(result.path("message").path("text").asString()).contains("2.14.1").contains("2.15.0");
        assertThat(rules.get(result.path("ruleIndex").asInt()).path("id").asString()).isEqualTo("CVE-2021-44228");
        JsonNode location = result.path("locations").get(0).path("physicalLocation");
        assertThat(location.path("artifactLocation").path("uri").asString()).isEqualTo("app/lib/log4j-core-2.14.1.jar");
        assertThat(location.path("region").path("startLine").asInt()).isEqualTo(1);

        out.reset();
        assertThat(scan(patched, "--format", "sarif")).isZero();
        JsonNode clean = JSON.readTree(out.toByteArray());
        assertThat(clean.path("runs").get(0).path("results").isEmpty()).isTrue();
    }

    @Test
    void cycloneDxCarriesTheVulnerabilityAgainstTheComponent() throws Exception {
        assertThat(scan(vulnerable, "--format", "cyclonedx")).as(stderr()).isZero();
        byte[] json = out.toByteArray();
        JsonParser parser = new JsonParser();
        assertThat(parser.validate(json, Version.VERSION_16)).isEmpty();
        Bom bom = parser.parse(json);
        Component log4j = bom.getComponents().stream().filter(c -> "log4j-core".equals(c.getName())).findFirst().orElseThrow();
        Vulnerability v = bom.getVulnerabilities().stream().filter(x -> x.getId().equals("CVE-2021-44228")).findFirst().orElseThrow();
        assertThat(v.getRatings()).anySatisfy(r -> {
            assertThat(r.getSeverity()).isEqualTo(Vulnerability.Rating.Severity.CRITICAL);
            assertThat(r.getScore()).isEqualTo(10.0);
            assertThat(r.getVector()).startsWith("CVSS:3.1/");
        });
        assertThat(v.getAffects()).extracting(Vulnerability.Affect::getRef).containsExactly(log4j.getBomRef());
        assertThat(v.getRecommendation()).contains("2.15.0");
        assertThat(v.getSource().getName()).isNotBlank();

        out.reset();
        assertThat(scan(patched, "--format", "cyclonedx")).isZero();
        Bom clean = parser.parse(out.toByteArray());
        assertThat(clean.getVulnerabilities() == null || clean.getVulnerabilities().isEmpty()).isTrue();
    }

    @Test
    void tableGroupsBySeverityWithInstalledAndFixedVersions() {
        assertThat(scan(vulnerable)).as(stderr()).isZero();
        String table = out.toString(StandardCharsets.UTF_8);
        assertThat(table).containsPattern("\\d+ vulnerabilities \\(DB \\S+\\): CRITICAL 1")
                .contains("CRITICAL (1)")
                .containsPattern("CVE-2021-44228\\s+" + LOG4J + "\\s+2\\.14\\.1\\s+2\\.15\\.0")
                .containsPattern("CVE-2022-0456\\s+chromium\\s+90\\.0\\.4430\\.212-1~deb10u1\\s+\\(no fix\\)");
        assertThat(table.indexOf("CRITICAL (1)")).isLessThan(table.indexOf("CVE-2022-0456"));
        assertThat(stderr()).doesNotContain("note:");
    }

    @Test
    void exitCodeIsReturnedOnlyWhenFindingsAtOrAboveTheMinimumRemain() {
        assertThat(scan(vulnerable, "--format", "json", "--exit-code", "1")).isEqualTo(1);
        assertThat(scan(vulnerable, "--format", "json", "--exit-code", "3", "--severity", "CRITICAL")).isEqualTo(3);
        assertThat(scan(patched, "--format", "json", "--exit-code", "1")).isZero();
        assertThat(scan(vulnerable, "--format", "json")).isZero();
    }

    @Test
    void severityMinimumMovesLowerFindingsToSuppressed() {
        JsonNode doc = json(vulnerable, "--severity", "HIGH");
        assertThat(ids(doc.path("findings"))).containsExactly("CVE-2021-44228");
        JsonNode chromium = doc.path("suppressed").valueStream()
                .filter(s -> s.path("finding").path("id").asString().equals("CVE-2022-0456")).findFirst().orElseThrow();
        assertThat(chromium.path("reason").asString()).isEqualTo("severity");
    }

    @Test
    void ignoreUnfixedSuppressesFindingsWithoutAFixedVersion() {
        JsonNode all = json(vulnerable);
        assertThat(ids(all.path("findings"))).contains("CVE-2021-44228", "CVE-2022-0456");
        assertThat(finding(all, "CVE-2022-0456").path("fixedVersions").isEmpty()).isTrue();

        out.reset();
        JsonNode fixable = json(vulnerable, "--ignore-unfixed");
        assertThat(ids(fixable.path("findings"))).contains("CVE-2021-44228").doesNotContain("CVE-2022-0456");
        assertThat(fixable.path("suppressed").valueStream()
                .map(s -> s.path("finding").path("id").asString() + "/" + s.path("reason").asString()))
                .containsExactly("CVE-2022-0456/unfixed");
    }

    @Test
    void ignoreFileSuppressesUntilItsEntryExpires() throws Exception {
        Path ignore = tmp.resolve("ignore");
        Files.writeString(ignore, """
                # team decisions
                CVE-2021-44228 org.apache.logging.log4j:log4j-core exp:2020-01-31  # JNDI disabled by flag, until upgrade
                CVE-2022-0456 chromium exp:2999-12-31 # browser not started in the container
                """);
        JsonNode doc = json(vulnerable, "--ignorefile", ignore.toString(), "--exit-code", "1");
        assertThat(ids(doc.path("findings"))).contains("CVE-2021-44228").doesNotContain("CVE-2022-0456");
        JsonNode suppressed = doc.path("suppressed").get(0);
        assertThat(suppressed.path("finding").path("id").asString()).isEqualTo("CVE-2022-0456");
        assertThat(suppressed.path("reason").asString()).isEqualTo("ignore-file");
        assertThat(suppressed.path("detail").asString()).contains("line 3").contains("browser not started");

        out.reset();
        Files.writeString(tmp.resolve(VulnerabilityOptions.DEFAULT_IGNORE_FILE), "CVE-2021-44228\nCVE-2022-0456\n");
        assertThat(scan(vulnerable, "--format", "json", "--exit-code", "1")).as(stderr()).isZero();
        assertThat(JSON.readTree(out.toByteArray()).path("findings").isEmpty()).isTrue();
    }

    @Test
    void vexNotAffectedSuppressesAndKeepsTheJustification() throws Exception {
        Path vex = tmp.resolve("app.openvex.json");
        Files.writeString(vex, """
                {
                  "@context": "https://openvex.dev/ns/v0.2.0",
                  "@id": "https://example.com/vex/app-1",
                  "author": "Platform team",
                  "timestamp": "2026-01-10T09:00:00Z",
                  "version": 1,
                  "statements": [
                    {
                      "vulnerability": {"name": "CVE-2021-44228", "aliases": ["GHSA-jfh8-c2jp-5v3q"]},
                      "products": [{"@id": "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"}],
                      "status": "not_affected",
                      "justification": "vulnerable_code_not_present",
                      "impact_statement": "JndiLookup.class removed from the jar at build time"
                    },
                    {
                      "vulnerability": {"name": "CVE-2022-0456"},
                      "products": [{"@id": "pkg:deb/debian/chromium"}],
                      "status": "under_investigation"
                    }
                  ]
                }
                """);
        JsonNode doc = json(vulnerable, "--vex", vex.toString(), "--severity", "CRITICAL", "--exit-code", "1");
        assertThat(doc.path("findings").isEmpty()).isTrue();
        JsonNode log4shell = doc.path("suppressed").valueStream()
                .filter(s -> s.path("finding").path("id").asString().equals("CVE-2021-44228")).findFirst().orElseThrow();
        assertThat(log4shell.path("reason").asString()).isEqualTo("vex");
        assertThat(log4shell.path("detail").asString()).contains("not_affected").contains("vulnerable_code_not_present")
                .contains("JndiLookup.class removed");
        JsonNode chromium = doc.path("suppressed").valueStream()
                .filter(s -> s.path("finding").path("id").asString().equals("CVE-2022-0456")).findFirst().orElseThrow();
        assertThat(chromium.path("reason").asString()).as("under_investigation does not suppress").isEqualTo("severity");
        assertThat(scan(vulnerable, "--format", "json", "--vex", vex.toString(), "--severity", "CRITICAL", "--exit-code", "1")).isZero();
    }
}
