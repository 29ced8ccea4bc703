package dev.layerwatch.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerwatch.common.finding.ConfigFinding;
import dev.layerwatch.common.finding.SecretFinding;
import dev.layerwatch.common.finding.Severity;
import dev.layerwatch.engine.standard.ReportFormat;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.cyclonedx.Version;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReportWritersTest {

    private static final String LAYER = "sha256:" + "ab".repeat(32);

    static ImageReport report() {
        return new ImageReport("127.0.0.1:5000/app:1.0", "sha256:" + "cd".repeat(32), null, "linux/amd64",
                new ReportOs("debian", "12", "bookworm", "Debian GNU/Linux 12 (bookworm)", false, "2028-06-30"),
                List.of(new ReportPackage("libc6", "2.36-9+deb12u7", "deb", "pkg:deb/debian/libc6@2.36-9%2Bdeb12u7?distro=debian-12",
                                "glibc", null, LAYER, List.of("/var/lib/dpkg/status"), false),
                        new ReportPackage("org.apache.logging.log4j:log4j-core", "2.14.1", "maven",
                                "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", null, null, LAYER,
                                List.of("/app/app.jar", "/app/app.jar:BOOT-INF/lib/log4j-core-2.14.1.jar"), false),
                        new ReportPackage("left-pad", "1.3.0", "npm", "pkg:npm/left-pad@1.3.0", null, null, LAYER,
                                List.of("/app/package-lock.json"), true)),
                List.of(),
                List.of(new SecretFinding("aws-access-key", Severity.HIGH, "AWS access key", "/app/.env", 3, LAYER, "AKIA************MPLE")),
                List.of(new ConfigFinding("LW-CONFIG-ROOT-USER", Severity.MEDIUM, "Runs as root", "User is empty")),
                List.of("layer x: absolute path '/etc/x' taken relative to the image root"),
                List.of(new ReportLayer(LAYER, "application/vnd.oci.image.layer.v1.tar+gzip", 1234, "sha256:" + "ef".repeat(32), false, null)));
    }

    private static byte[] write(ReportFormat format, List<ImageReport> reports) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.writer().write(reports, out);
        return out.toByteArray();
    }

    @Test
    void jsonHasTheDocumentedFieldsAndReadsBack() throws Exception {
        byte[] json = write(ReportFormat.JSON, List.of(report()));
        JsonNode tree = JsonMapper.builder().build().readTree(json);
        assertThat(tree.path("os").path("id").asString()).isEqualTo("debian");
        assertThat(tree.path("os").path("versionId").asString()).isEqualTo("12");
        assertThat(tree.path("os").path("eol").asBoolean(true)).isFalse();
        JsonNode libc = tree.path("packages").get(0);
        assertThat(libc.path("name").asString()).isEqualTo("libc6");
        assertThat(libc.path("type").asString()).isEqualTo("deb");
        assertThat(libc.path("source").asString()).isEqualTo("glibc");
        assertThat(libc.path("layer").asString()).isEqualTo(LAYER);
        assertThat(libc.path("purl").asString()).contains("distro=debian-12");
        assertThat(libc.path("locations").get(0).asString()).isEqualTo("/var/lib/dpkg/status");
        assertThat(tree.path("findings").isArray()).isTrue();
        assertThat(tree.path("secrets").get(0).path("redacted").asString()).isEqualTo("AKIA************MPLE");
        assertThat(tree.path("configFindings").get(0).path("id").asString()).isEqualTo("LW-CONFIG-ROOT-USER");
        assertThat(tree.path("warnings").size()).isEqualTo(1);
        assertThat(JsonReportWriter.read(json)).containsExactly(report());

        byte[] two = write(ReportFormat.JSON, List.of(report(), report()));
        assertThat(JsonReportWriter.read(two)).hasSize(2);
    }

    @Test
    void cycloneDxIsValid16WithPurlsAndTheImageAsMetadataComponent() throws Exception {
        byte[] json = write(ReportFormat.CYCLONEDX, List.of(report()));
        JsonParser parser = new JsonParser();
        assertThat(parser.validate(json, Version.VERSION_16)).isEmpty();
        Bom bom = parser.parse(json);
        assertThat(bom.getSpecVersion()).isEqualTo("1.6");
        assertThat(bom.getMetadata().getComponent().getType()).isEqualTo(Component.Type.CONTAINER);
        assertThat(bom.getMetadata().getComponent().getName()).isEqualTo("127.0.0.1:5000/app:1.0");
        assertThat(bom.getComponents()).extracting(Component::getType)
                .containsExactly(Component.Type.OPERATING_SYSTEM, Component.Type.LIBRARY, Component.Type.LIBRARY, Component.Type.LIBRARY);
        assertThat(bom.getComponents()).filteredOn(c -> c.getPurl() != null).extracting(Component::getPurl)
                .containsExactly("pkg:deb/debian/libc6@2.36-9%2Bdeb12u7?distro=debian-12",
                        "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", "pkg:npm/left-pad@1.3.0");
        Component log4j = bom.getComponents().get(2);
        assertThat(log4j.getGroup()).isEqualTo("org.apache.logging.log4j");
        assertThat(log4j.getName()).isEqualTo("log4j-core");
        assertThat(log4j.getProperties()).filteredOn(p -> p.getName().equals("layerwatch:location")).hasSize(2);
    }

    @Test
    void cycloneDxRefusesSeveralPlatforms() {
        assertThatThrownBy(() -> write(ReportFormat.CYCLONEDX, List.of(report(), report()))).hasMessageContaining("--platform");
    }

    @Test
    void theTableListsPackagesFindingsAndWarnings() throws Exception {
        String table = new String(write(ReportFormat.TABLE, List.of(report())), StandardCharsets.UTF_8);
        assertThat(table).contains("Debian GNU/Linux 12 (bookworm)")
                .containsPattern("libc6\\s+2\\.36-9\\+deb12u7\\s+deb\\s+abababababab")
                .contains("npm (declared)")
                .contains("3 packages")
                .containsPattern("MEDIUM\\s+LW-CONFIG-ROOT-USER\\s+Runs as root")
                .contains("/app/.env:3").contains("AKIA************MPLE")
                .contains("1 warnings:");
    }

    @Test
    void formatsParseByName() {
        assertThat(ReportFormat.parse("CycloneDX")).isEqualTo(ReportFormat.CYCLONEDX);
        assertThat(ReportFormat.parse("sarif")).isEqualTo(ReportFormat.SARIF);
        assertThatThrownBy(() -> ReportFormat.parse("spdx")).hasMessageContaining("table, json, cyclonedx, sarif");
        assertThatThrownBy(() -> ReportFormat.parse("sarif", java.util.List.of(ReportFormat.CYCLONEDX, ReportFormat.JSON)))
                .hasMessageContaining("unknown report format 'sarif': expected one of cyclonedx, json");
    }
}
