package dev.layerwatch.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerwatch.common.finding.ConfigFinding;
import dev.layerwatch.common.finding.SecretFinding;
import dev.layerwatch.common.finding.Severity;
import dev.layerwatch.common.image.Digest;
import dev.layerwatch.common.image.Platform;
import dev.layerwatch.engine.assembly.ImageInventory;
import dev.layerwatch.engine.image.LayerDescriptor;
import dev.layerwatch.engine.inventory.Ecosystem;
import dev.layerwatch.engine.inventory.OsRelease;
import dev.layerwatch.engine.inventory.Package;
import dev.layerwatch.engine.layerscan.LayerOutcome;
import dev.layerwatch.engine.layerscan.LayerResult;
import dev.layerwatch.engine.scan.ImageScan;
import dev.layerwatch.engine.standard.ReportFormat;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
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

    /** One scanned image with a deb, a maven and an npm package, a secret, a config finding, a warning and one layer. */
    static ImageScan scan() {
        return ImageScan.unmatched(inventory(List.of()));
    }

    /** The fixture inventory, with {@code extra} packages after the fixture's three. */
    static ImageInventory inventory(List<Package> extra) {
        List<Package> packages = new ArrayList<>(List.of(
                new Package("libc6", "2.36-9+deb12u7", Ecosystem.DEB, "pkg:deb/debian/libc6@2.36-9%2Bdeb12u7?distro=debian-12",
                        "glibc", null, LAYER, List.of("/var/lib/dpkg/status"), false),
                new Package("org.apache.logging.log4j:log4j-core", "2.14.1", Ecosystem.MAVEN,
                        "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", null, null, LAYER,
                        List.of("/app/app.jar", "/app/app.jar:BOOT-INF/lib/log4j-core-2.14.1.jar"), false),
                new Package("left-pad", "1.3.0", Ecosystem.NPM, "pkg:npm/left-pad@1.3.0", null, null, LAYER,
                        List.of("/app/package-lock.json"), true)));
        packages.addAll(extra);
        LayerResult layer = new LayerResult(LAYER, "sha256:" + "ef".repeat(32), true, null, null, null, null, null, null, null);
        return new ImageInventory("127.0.0.1:5000/app:1.0", Digest.parse("sha256:" + "cd".repeat(32)), null, Platform.parse("linux/amd64"),
                new OsRelease("debian", "12", "bookworm", "Debian GNU/Linux 12 (bookworm)"), LocalDate.of(2028, 6, 30), false,
                packages,
                List.of(new ConfigFinding("LW-CONFIG-ROOT-USER", Severity.MEDIUM, "Runs as root", "User is empty")),
                List.of(new SecretFinding("aws-access-key", Severity.HIGH, "AWS access key", "/app/.env", 3, LAYER, "AKIA************MPLE")),
                List.of("layer x: absolute path '/etc/x' taken relative to the image root"),
                List.of(new LayerOutcome(new LayerDescriptor(Digest.parse(LAYER), "application/vnd.oci.image.layer.v1.tar+gzip", 1234, null),
                        layer, false)));
    }

    /** The fixture as the JSON document shows it. */
    static ImageReport report() {
        return ImageReport.of(scan());
    }

    private static byte[] write(ReportFormat format, List<ImageScan> scans) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.writer().write(scans, out);
        return out.toByteArray();
    }

    @Test
    void jsonHasTheDocumentedFieldsAndReadsBack() throws Exception {
        byte[] json = write(ReportFormat.JSON, List.of(scan()));
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

        byte[] two = write(ReportFormat.JSON, List.of(scan(), scan()));
        assertThat(JsonReportWriter.read(two)).hasSize(2);
    }

    @Test
    void cycloneDxIsValid16WithPurlsAndTheImageAsMetadataComponent() throws Exception {
        byte[] json = write(ReportFormat.CYCLONEDX, List.of(scan()));
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
        assertThatThrownBy(() -> write(ReportFormat.CYCLONEDX, List.of(scan(), scan()))).hasMessageContaining("--platform");
    }

    @Test
    void theTableListsPackagesFindingsAndWarnings() throws Exception {
        String table = new String(write(ReportFormat.TABLE, List.of(scan())), StandardCharsets.UTF_8);
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
