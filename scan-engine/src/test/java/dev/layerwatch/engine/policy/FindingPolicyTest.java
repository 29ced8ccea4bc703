package dev.layerwatch.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerwatch.common.finding.PackageRef;
import dev.layerwatch.common.finding.Severity;
import dev.layerwatch.common.finding.VulnerabilityFinding;
import dev.layerwatch.engine.advisory.TestResources;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingPolicyTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    static VulnerabilityFinding finding(String id, List<String> aliases, String name, String version, String purl,
                                        Severity severity, List<String> fixed) {
        return new VulnerabilityFinding(id, aliases, new PackageRef(name, version, "x", purl), fixed, severity, null,
                null, "osv:test", null, id + name);
    }

    private final VulnerabilityFinding log4shell = finding("CVE-2021-44228", List.of("GHSA-jfh8-c2jp-5v3q"),
            "org.apache.logging.log4j:log4j-core", "2.14.1", "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1",
            Severity.CRITICAL, List.of("2.15.0"));
    private final VulnerabilityFinding lodash = finding("CVE-2021-23337", List.of("GHSA-35jh-r3h4-6jhm"), "lodash",
            "4.17.20", "pkg:npm/lodash@4.17.20", Severity.HIGH, List.of("4.17.21"));
    private final VulnerabilityFinding pyyaml = finding("CVE-2020-14343", List.of("PYSEC-2021-142"), "PyYAML", "5.3.1",
            "pkg:pypi/pyyaml@5.3.1", Severity.CRITICAL, List.of("5.4"));
    private final VulnerabilityFinding jackson = finding("CVE-2022-42003", List.of(), "com.fasterxml.jackson.core:jackson-databind",
            "2.13.0", "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.13.0", Severity.HIGH, List.of("2.13.4.1"));
    private final VulnerabilityFinding express = finding("CVE-2024-43796", List.of("GHSA-qw6h-vgh9-j6wx"), "express",
            "4.19.0", "pkg:npm/express@4.19.0", Severity.LOW, List.of("4.20.0"));
    private final VulnerabilityFinding unfixed = finding("CVE-2022-0456", List.of(), "chromium", "90.0", "pkg:deb/debian/chromium@90.0",
            Severity.MEDIUM, List.of());
    private final List<VulnerabilityFinding> all = List.of(log4shell, lodash, pyyaml, jackson, express, unfixed);

    private List<IgnoreRule> ignores() throws IOException {
        return new IgnoreFileParser().parse(TestResources.path("policy/layerwatchignore")).rules();
    }

    private List<VexStatement> vex() throws IOException {
        return new OpenVexParser().parse(TestResources.path("policy/vex/openvex.json")).statements();
    }

    @Test
    void vexNotAffectedAndFixedSuppressWithTheJustificationKept() throws IOException {
        PolicyResult r = new FindingPolicy(null, false, List.of(), vex(), null, 0, TODAY).apply(all);
        assertThat(r.suppressed()).extracting(s -> s.finding().id()).containsExactlyInAnyOrder("CVE-2021-23337", "CVE-2020-14343");
        SuppressedFinding l = r.suppressed().stream().filter(s -> s.finding() == lodash).findFirst().orElseThrow();
        assertThat(l.reason()).isEqualTo("vex");
        assertThat(l.detail()).contains("not_affected").contains("vulnerable_code_not_in_execute_path").contains("template()");
        // under_investigation does not suppress
        assertThat(r.findings()).contains(log4shell);
    }

    @Test
    void ignoreFileSuppressesByIdAndPackageUntilItExpires() throws IOException {
        PolicyResult r = new FindingPolicy(null, false, ignores(), List.of(), null, 0, TODAY).apply(all);
        assertThat(r.suppressed()).extracting(s -> s.finding().id()).containsExactly("CVE-2022-42003");
        assertThat(r.suppressed().get(0).detail()).contains("line 2").contains("no untrusted JSON").contains("2099-12-31");
        // the express rule expired on 2020-01-01
        assertThat(r.findings()).contains(express);
    }

    @Test
    void ignoreRuleLimitedToAnotherPackageDoesNotSuppress() {
        IgnoreRule rule = new IgnoreRule("CVE-2021-44228", "org.example:other", null, null, 1);
        assertThat(rule.matches(log4shell)).isFalse();
        assertThat(new IgnoreRule("GHSA-jfh8-c2jp-5v3q", "pkg:maven/org.apache.logging.log4j/log4j-core", null, null, 1)
                .matches(log4shell)).isTrue();
    }

    @Test
    void badIgnoreLinesAreWarningsNotRules() throws IOException {
        IgnoreFileParser.Result r = new IgnoreFileParser().parse(TestResources.path("policy/layerwatchignore"));
        assertThat(r.rules()).extracting(IgnoreRule::id).containsExactly("CVE-2022-42003", "GHSA-qw6h-vgh9-j6wx", "CVE-2023-45857");
        assertThat(r.warnings()).hasSize(2).anyMatch(w -> w.contains(":5:")).anyMatch(w -> w.contains(":6:"));
    }

    @Test
    void minimumSeverityAndIgnoreUnfixed() {
        PolicyResult r = new FindingPolicy(Severity.MEDIUM, true, List.of(), List.of(), null, 0, TODAY).apply(all);
        assertThat(r.findings()).containsExactly(log4shell, lodash, pyyaml, jackson);
        assertThat(r.suppressed()).extracting(SuppressedFinding::reason).containsExactly("severity", "unfixed");
    }

    @Test
    void exitCodeOnlyWhenAFindingRemainsAtOrAboveTheThreshold() throws IOException {
        assertThat(new FindingPolicy(null, false, List.of(), List.of(), Severity.CRITICAL, 3, TODAY).apply(all).exitCode()).isEqualTo(3);
        // the only CRITICAL findings suppressed: log4shell by ignore, pyyaml by VEX
        List<IgnoreRule> rules = List.of(new IgnoreRule("CVE-2021-44228", null, null, null, 1));
        assertThat(new FindingPolicy(null, false, rules, vex(), Severity.CRITICAL, 3, TODAY).apply(all).exitCode()).isZero();
        assertThat(new FindingPolicy(null, false, rules, vex(), Severity.HIGH, 3, TODAY).apply(all).exitCode()).isEqualTo(3);
    }

    @Test
    void vexStatementWithoutVulnerabilityIsAWarning() throws IOException {
        OpenVexParser.Result r = new OpenVexParser().parse(TestResources.path("policy/vex/openvex.json"));
        assertThat(r.statements()).hasSize(3);
        assertThat(r.warnings()).singleElement().satisfies(w -> assertThat(w).contains("statements[3]"));
    }

    @Test
    void corruptVexIsAClearError() {
        assertThatThrownBy(() -> new OpenVexParser().parse(new ByteArrayInputStream("{\"statements\": [".getBytes()), "vex.json"))
                .isInstanceOf(IOException.class).hasMessageContaining("vex.json");
    }
}
