package dev.layerwatch.engine.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class OsvRecordParserTest {

    private final OsvRecordParser parser = new OsvRecordParser();

    private Advisory parse(String resource) throws IOException {
        try (InputStream in = Files.newInputStream(TestResources.path(resource))) {
            return parser.parse(in, resource);
        }
    }

    @Test
    void readsLog4ShellWithItsThreeAffectedEntries() throws IOException {
        Advisory a = parse("osv/real/Maven/GHSA-jfh8-c2jp-5v3q.json");
        assertThat(a.id()).isEqualTo("GHSA-jfh8-c2jp-5v3q");
        assertThat(a.aliases()).containsExactly("CVE-2021-44228");
        assertThat(a.recordSeverity()).isEqualTo("CRITICAL");
        assertThat(a.severities()).containsExactly(new SeverityVector("CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H"));
        assertThat(a.affected()).hasSize(3).allSatisfy(p -> {
            assertThat(p.ecosystem()).isEqualTo("Maven");
            assertThat(p.name()).isEqualTo("org.apache.logging.log4j:log4j-core");
        });
        assertThat(a.affected().get(0).ranges().get(0).events())
                .containsExactly(RangeEvent.introduced("2.13.0"), RangeEvent.fixed("2.15.0"));
        assertThat(a.isWithdrawn()).isFalse();
    }

    @Test
    void yamlVersionsStayStringsSoThreeTenIsNotThreeOne() throws IOException {
        Advisory a = parse("osv/real/PyPI/PYSEC-2021-142.yaml");
        assertThat(a.id()).isEqualTo("PYSEC-2021-142");
        assertThat(a.aliases()).containsExactly("CVE-2020-14343", "GHSA-8q59-q68h-6hv4");
        AffectedPackage p = a.affected().get(0);
        assertThat(p.name()).isEqualTo("pyyaml");
        assertThat(p.versions()).contains("3.10", "3.01", "3.13b1", "5.1.1").doesNotContain("3.1");
        assertThat(p.ranges().get(0).events()).containsExactly(RangeEvent.introduced("0"), RangeEvent.fixed("5.4"));
    }

    @Test
    void unquotedYamlNumbersKeepTheirText() throws IOException {
        String yaml = "id: PYSEC-TEST-1\naffected:\n- package: {name: x, ecosystem: PyPI}\n  versions:\n  - 3.10\n  - 1.20\n";
        Advisory a = parser.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "x.yaml");
        assertThat(a.affected().get(0).versions()).containsExactly("3.10", "1.20");
    }

    @Test
    void withdrawnGoRecordIsMarked() throws IOException {
        Advisory a = parse("osv/real/Go/GO-2022-0617.json");
        assertThat(a.isWithdrawn()).isTrue();
    }

    @Test
    void goRecordKeepsSeveralIntroducedFixedPairsInOneRange() throws IOException {
        Advisory a = parse("osv/real/Go/GO-2022-0969.json");
        assertThat(a.affected()).extracting(AffectedPackage::name).containsExactly("stdlib", "golang.org/x/net");
        assertThat(a.affected().get(0).ranges().get(0).type()).isEqualTo("SEMVER");
        assertThat(a.affected().get(0).ranges().get(0).events()).hasSize(4);
        assertThat(a.affected().get(0).ecosystemSpecific().path("imports").isArray()).isTrue();
    }

    @Test
    void ubuntuRecordKeepsUpstreamAsRelatedNotAliases() throws IOException {
        Advisory a = parse("osv/real/Ubuntu/USN-6409-1.json");
        assertThat(a.aliases()).isEmpty();
        assertThat(a.related()).contains("UBUNTU-CVE-2023-4911");
        assertThat(a.affected().get(0).ecosystem()).isEqualTo("Ubuntu:22.04:LTS");
        assertThat(a.affected().get(0).baseEcosystem()).isEqualTo("Ubuntu");
    }

    @Test
    void emptySeverityArrayFallsBackToDatabaseSpecific() throws IOException {
        Advisory a = parse("osv/real/npm/GHSA-wf5p-g6vw-rhxx.json");
        assertThat(a.severities()).isEmpty();
        assertThat(a.recordSeverity()).isEqualTo("MODERATE");
    }

    @Test
    void debianRecordKeepsCvesInRelated() throws IOException {
        Advisory a = parse("osv/real/Debian/DLA-0001-1.json");
        assertThat(a.aliases()).isEmpty();
        assertThat(a.related()).isNotEmpty().allMatch(id -> id.startsWith("CVE-"));
        assertThat(a.affected().get(0).ecosystem()).isEqualTo("Debian:6.0");
    }

    @Test
    void truncatedJsonIsAFormatError() {
        assertThatThrownBy(() -> parse("osv/corrupt/truncated.json"))
                .isInstanceOf(OsvFormatException.class).hasMessageContaining("cannot parse OSV record");
    }

    @Test
    void affectedEntryWithoutPackageIsAFormatError() {
        assertThatThrownBy(() -> parse("osv/corrupt/no-package.json"))
                .isInstanceOf(OsvFormatException.class).hasMessageContaining("GHSA-xxxx-0000-0000");
    }
}
