package dev.layerwatch.engine.ecosystem.rpm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerwatch.engine.ecosystem.AdvisoryFixture;
import dev.layerwatch.engine.ecosystem.RootfsFixture;
import dev.layerwatch.engine.ecosystem.os.OsReleaseParser;
import dev.layerwatch.engine.inventory.Ecosystem;
import dev.layerwatch.engine.inventory.OsRelease;
import dev.layerwatch.engine.inventory.Package;
import dev.layerwatch.engine.match.MatchReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RPM packages of AlmaLinux and Rocky Linux images matched against the distributions' real OSV records. */
class RpmDistroMatchTest {

    @TempDir
    static Path snapshot;
    static AdvisoryFixture advisories;

    @BeforeAll
    static void load() {
        advisories = AdvisoryFixture.load(snapshot, "rpm");
    }

    @AfterAll
    static void close() {
        advisories.close();
    }

    private static OsRelease os(String distro) throws IOException {
        Path file = RootfsFixture.root("rpm/distros/" + distro).resolve("etc/os-release");
        return OsReleaseParser.parse("etc/os-release", Files.readAllBytes(file)).orElseThrow();
    }

    /** As the rpmdb cataloger reports it: binary name, {@code [epoch:]version-release}, the SRPM as source. */
    private static Package rpm(String name, String evr) {
        return new Package(name, evr, Ecosystem.RPM, "pkg:rpm/" + name + "@" + evr, name, null, "sha256:base",
                List.of("/var/lib/rpm/rpmdb.sqlite"), false);
    }

    private static List<String> lines(OsRelease os, Package... packages) {
        MatchReport report = advisoryMatch(os, packages);
        return report.findings().stream().map(f -> f.pkg().name() + " " + f.pkg().version() + " " + f.id() + " fixed "
                + f.fixedVersions()).sorted().toList();
    }

    private static MatchReport advisoryMatch(OsRelease os, Package... packages) {
        return new dev.layerwatch.engine.match.VulnerabilityMatcher(advisories.db()).matchReport(List.of(packages), os);
    }

    @Test
    void osReleaseGivesTheNamespace() throws IOException {
        assertThat(RpmDistroNamespaces.of(os("almalinux9"))).containsExactly("AlmaLinux:9");
        assertThat(RpmDistroNamespaces.of(os("rocky8"))).containsExactly("Rocky Linux:8");
        assertThat(RpmDistroNamespaces.of(os("rocky9"))).containsExactly("Rocky Linux:9");
        assertThat(RpmDistroNamespaces.of(new OsRelease("rhel", "9.4", null, "RHEL"))).isEmpty();
    }

    @Test
    void almaLinuxBinaryPackagesWithEpochsAndRebuildSuffixes() throws IOException {
        OsRelease alma9 = os("almalinux9");
        assertThat(lines(alma9,
                rpm("openssl-libs", "1:3.0.7-27.el9"),
                rpm("glibc-langpack-aa", "2.34-60.el9"),
                rpm("systemd", "252-32.el9_4"),
                rpm("zlib", "1.2.11-31.el9"))).containsExactly(
                        "glibc-langpack-aa 2.34-60.el9 ALSA-2023:5453 fixed [2.34-60.el9_2.7]",
                        "openssl-libs 1:3.0.7-27.el9 ALSA-2025:21255 fixed [1:3.5.1-4.el9_7]",
                        // .alma.1 is a rebuild after el9_4: rpmvercmp puts it above
                        "systemd 252-32.el9_4 ALSA-2024:2463 fixed [252-32.el9_4.alma.1]",
                        "zlib 1.2.11-31.el9 ALSA-2022:7314 fixed [1.2.11-32.el9_0]");
        // the fixed versions, and AlmaLinux 8's glibc record (ALSA-2023:5455) never applies to 9
        assertThat(lines(alma9,
                rpm("openssl-libs", "1:3.5.1-4.el9_7"),
                rpm("glibc-langpack-aa", "2.34-60.el9_2.7"),
                rpm("systemd", "252-32.el9_4.alma.1"),
                rpm("zlib", "1.2.11-32.el9_0"))).isEmpty();
    }

    @Test
    void everyAdvisoryForOneCveIsEvaluated() throws IOException {
        OsRelease alma9 = os("almalinux9");
        // CVE-2023-38545 is fixed twice in AlmaLinux 9: 7.76.1-26.el9_3 is above the 9.2 fix, below the 9.3 one
        assertThat(lines(alma9, rpm("curl-minimal", "7.76.1-26.el9_3")))
                .containsExactly("curl-minimal 7.76.1-26.el9_3 ALSA-2023:6745 fixed [7.76.1-26.el9_3.2]");
        assertThat(lines(alma9, rpm("curl-minimal", "7.76.1-23.el9_2.3"))).containsExactly(
                "curl-minimal 7.76.1-23.el9_2.3 ALSA-2023:5763 fixed [7.76.1-23.el9_2.4]",
                "curl-minimal 7.76.1-23.el9_2.3 ALSA-2023:6745 fixed [7.76.1-26.el9_3.2]");
        assertThat(lines(alma9, rpm("curl-minimal", "7.76.1-26.el9_3.2"))).isEmpty();
    }

    @Test
    void bugFixAdvisoriesAreNotVulnerabilities() {
        OsRelease alma8 = new OsRelease("almalinux", "8.10", null, "AlmaLinux 8.10 (Cerulean Leopard)");
        assertThat(lines(alma8, rpm("systemd", "239-50.el8"))).isEmpty();
        assertThat(lines(alma8, rpm("glibc", "2.28-225.el8")))
                .containsExactly("glibc 2.28-225.el8 ALSA-2023:5455 fixed [2.28-225.el8_8.6]");
    }

    @Test
    void rockyWithExplicitZeroEpochsAndModuleStreams() throws IOException {
        OsRelease rocky8 = os("rocky8");
        assertThat(lines(rocky8,
                rpm("firefox", "102.10.0-1.el8_7"),
                rpm("java-11-openjdk", "1:11.0.12.0.7-0.el8_4"))).containsExactly(
                        "firefox 102.10.0-1.el8_7 RLSA-2023:3220 fixed [0:102.11.0-2.el8_7]",
                        "java-11-openjdk 1:11.0.12.0.7-0.el8_4 RLSA-2021:3891 fixed [1:11.0.13.0.8-1.el8_4]");
        // a missing epoch is 0, as Rocky's explicit one
        assertThat(lines(rocky8, rpm("firefox", "102.11.0-2.el8_7"))).isEmpty();
        // Rocky 8's records stay on 8
        assertThat(lines(os("rocky9"), rpm("firefox", "102.10.0-1.el9_2"))).isEmpty();
        // the ruby:3.3 module advisory applies to module builds only, never to the plain ruby of the base OS
        OsRelease rocky9 = os("rocky9");
        assertThat(lines(rocky9, rpm("ruby", "3.3.0-1.module+el9.4.0+17733+e1c2c1ab"))).containsExactly(
                "ruby 3.3.0-1.module+el9.4.0+17733+e1c2c1ab RLSA-2024:3671 fixed [0:3.3.1-2.module+el9.4.0+20787+4c237fd3]");
        assertThat(lines(rocky9, rpm("ruby", "3.0.4-160.el9_0"))).isEmpty();
    }
}
