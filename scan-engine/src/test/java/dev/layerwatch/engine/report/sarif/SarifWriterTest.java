package dev.layerwatch.engine.report.sarif;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerwatch.common.finding.Cvss;
import dev.layerwatch.common.finding.PackageRef;
import dev.layerwatch.common.finding.Severity;
import dev.layerwatch.common.finding.VulnerabilityFinding;
import dev.layerwatch.engine.inventory.Ecosystem;
import dev.layerwatch.engine.inventory.Package;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SarifWriterTest {

    private static final String LOG4J_PURL = "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1";

    private final Package plainJar = new Package("org.apache.logging.log4j:log4j-core", "2.14.1", Ecosystem.MAVEN, LOG4J_PURL,
            null, null, "sha256:aaa", List.of("/app/lib/log4j-core-2.14.1.jar"), false);
    private final Package fatJar = new Package("org.apache.logging.log4j:log4j-core", "2.14.1", Ecosystem.MAVEN, LOG4J_PURL,
            null, null, "sha256:bbb", List.of("/app/fat.jar!/BOOT-INF/lib/log4j-core-2.14.1.jar"), false);

    private static VulnerabilityFinding log4shell(String layer, String fingerprint) {
        return new VulnerabilityFinding("CVE-2021-44228", List.of("GHSA-jfh8-c2jp-5v3q"),
                new PackageRef("org.apache.logging.log4j:log4j-core", "2.14.1", "maven", LOG4J_PURL), List.of("2.15.0"),
                Severity.CRITICAL, new Cvss("3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", 10.0),
                "Remote code injection in Log4j", "osv:Maven", layer, fingerprint);
    }

    private final VulnerabilityFinding axios = new VulnerabilityFinding("CVE-2023-45857", List.of("GHSA-wf5p-g6vw-rhxx"),
            new PackageRef("axios", "1.5.0", "npm", "pkg:npm/axios@1.5.0"), List.of("1.6.0"), Severity.MEDIUM, null,
            "Axios Cross-Site Request Forgery Vulnerability", "osv:npm", null, "fp-axios");
    private final VulnerabilityFinding unknown = new VulnerabilityFinding("GO-2024-9999", List.of(),
            new PackageRef("example.com/mod", "1.0.0", "golang", null), List.of(), Severity.UNKNOWN, null, null, "osv:Go", null, null);

    private JsonNode write(List<VulnerabilityFinding> findings) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SarifWriter("0.1.0").write("registry.example/app:1", findings,
                SarifWriter.locationsByPurl(List.of(plainJar, fatJar)), out);
        return JsonMapper.builder().build().readTree(out.toByteArray());
    }

    @Test
    void hasTheTopLevelFieldsGitHubRequires() {
        JsonNode sarif = write(List.of(log4shell("sha256:aaa", "fp1")));
        assertThat(sarif.path("version").asString()).isEqualTo("2.1.0");
        assertThat(sarif.path("$schema").asString()).contains("sarif-2.1.0");
        JsonNode run = sarif.path("runs").get(0);
        assertThat(run.path("tool").path("driver").path("name").asString()).isEqualTo("layerwatch");
        assertThat(run.path("tool").path("driver").path("version").asString()).isEqualTo("0.1.0");
    }

    @Test
    void oneRulePerVulnerabilityWithSecuritySeverityAndOneResultPerFinding() {
        JsonNode run = write(List.of(log4shell("sha256:aaa", "fp1"), log4shell("sha256:bbb", "fp2"), axios)).path("runs").get(0);
        JsonNode rules = run.path("tool").path("driver").path("rules");
        assertThat(rules).hasSize(2);
        JsonNode rule = rules.get(0);
        assertThat(rule.path("id").asString()).isEqualTo("CVE-2021-44228");
        assertThat(rule.path("shortDescription").path("text").asString()).contains("Remote code injection");
        assertThat(rule.path("fullDescription").path("text").asString()).isNotBlank();
        assertThat(rule.path("properties").path("security-severity").asString()).isEqualTo("10.0");
        assertThat(rule.path("properties").path("tags").toString()).contains("security");
        assertThat(rules.get(1).path("properties").path("security-severity").asString()).isEqualTo("5.5");

        JsonNode results = run.path("results");
        assertThat(results).hasSize(3);
        JsonNode first = results.get(0);
        assertThat(first.path("ruleId").asString()).isEqualTo("CVE-2021-44228");
        assertThat(first.path("ruleIndex").asInt()).isZero();
        assertThat(first.path("level").asString()).isEqualTo("error");
        assertThat(first.path("message").path("text").asString()).contains("2.14.1").contains("fixed in 2.15.0");
        assertThat(first.path("partialFingerprints").path("layerwatchFinding/v1").asString()).isEqualTo("fp1");
        assertThat(results.get(2).path("level").asString()).isEqualTo("warning");
        assertThat(results.get(2).path("ruleIndex").asInt()).isEqualTo(1);
    }

    @Test
    void locationsAreRelativeArtifactUrisOfThePackageFiles() {
        JsonNode result = write(List.of(log4shell("sha256:aaa", "fp1"))).path("runs").get(0).path("results").get(0);
        JsonNode locations = result.path("locations");
        assertThat(locations).hasSize(2);
        assertThat(locations.get(0).path("physicalLocation").path("artifactLocation").path("uri").asString())
                .isEqualTo("app/lib/log4j-core-2.14.1.jar");
        assertThat(locations.get(0).path("physicalLocation").path("region").path("startLine").asInt()).isEqualTo(1);
    }

    @Test
    void packageWithoutFilesFallsBackToTheTargetAndUnknownSeverityHasNoScore() {
        JsonNode run = write(List.of(unknown)).path("runs").get(0);
        assertThat(run.path("results").get(0).path("locations").get(0).path("physicalLocation").path("artifactLocation")
                .path("uri").asString()).isEqualTo("registry.example/app:1");
        assertThat(run.path("results").get(0).path("level").asString()).isEqualTo("note");
        assertThat(run.path("tool").path("driver").path("rules").get(0).path("properties").has("security-severity")).isFalse();
    }

    @Test
    void noFindingsIsAValidEmptyRun() {
        JsonNode run = write(List.of()).path("runs").get(0);
        assertThat(run.path("results").isArray()).isTrue();
        assertThat(run.path("results")).isEmpty();
    }

    @Test
    void artifactUrisAreRelativeAndEncoded() {
        assertThat(SarifWriter.artifactUri("/app/my lib/a#1.jar")).isEqualTo("app/my%20lib/a%231.jar");
        assertThat(SarifWriter.artifactUri("/app/fat.jar!/BOOT-INF/lib/x.jar")).isEqualTo("app/fat.jar!/BOOT-INF/lib/x.jar");
        assertThat(SarifWriter.artifactUri("/")).isEqualTo(".");
    }

    @Test
    void levelsFollowSeverity() {
        assertThat(Map.of(Severity.CRITICAL, SarifWriter.level(Severity.CRITICAL), Severity.LOW, SarifWriter.level(Severity.LOW)))
                .containsEntry(Severity.CRITICAL, "error").containsEntry(Severity.LOW, "note");
    }
}
