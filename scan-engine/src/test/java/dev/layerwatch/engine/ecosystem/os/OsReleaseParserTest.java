package dev.layerwatch.engine.ecosystem.os;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerwatch.engine.ecosystem.RootfsFixture;
import dev.layerwatch.engine.inventory.OsRelease;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OsReleaseParserTest {

    private static Optional<OsRelease> parse(String path, String text) {
        return OsReleaseParser.parse(path, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsThisMachinesOsReleaseCopiedIntoTheFixture() throws Exception {
        byte[] content = Files.readAllBytes(RootfsFixture.root("os/debian-real").resolve("etc/os-release"));
        OsRelease os = OsReleaseParser.parse("etc/os-release", content).orElseThrow();
        assertThat(os).isEqualTo(new OsRelease("debian", "12", "bookworm", "Debian GNU/Linux 12 (bookworm)"));
    }

    @Test
    void appliesShellQuotingRules() {
        OsRelease os = parse("/usr/lib/os-release", """
                # comment
                NAME='Alpine Linux'
                ID=alpine
                VERSION_ID=3.19.1
                PRETTY_NAME="Alpine \\"Linux\\" v3.19"
                """).orElseThrow();
        assertThat(os).isEqualTo(new OsRelease("alpine", "3.19.1", null, "Alpine \"Linux\" v3.19"));
        assertThat(os.alpineBranch()).isEqualTo("v3.19");
    }

    @Test
    void alpineReleaseFile() {
        assertThat(parse("etc/alpine-release", "3.18.4\n")).contains(
                new OsRelease("alpine", "3.18.4", null, "Alpine Linux v3.18.4"));
    }

    @Test
    void debianVersionWithPointReleaseAndTestingCodename() {
        assertThat(parse("etc/debian_version", "12.5\n")).contains(
                new OsRelease("debian", "12", "bookworm", "Debian GNU/Linux 12"));
        assertThat(parse("etc/debian_version", "bookworm/sid\n")).contains(
                new OsRelease("debian", null, "bookworm", "Debian GNU/Linux bookworm/sid"));
    }

    @Test
    void redhatReleaseTextForTheRhelFamily() {
        assertThat(parse("etc/redhat-release", "Red Hat Enterprise Linux release 9.3 (Plow)\n").orElseThrow())
                .extracting(OsRelease::id, OsRelease::versionId).containsExactly("rhel", "9.3");
        assertThat(parse("etc/redhat-release", "CentOS Linux release 7.9.2009 (Core)\n").orElseThrow())
                .extracting(OsRelease::id, OsRelease::versionId).containsExactly("centos", "7");
        assertThat(parse("etc/redhat-release", "Rocky Linux release 8.9 (Green Obsidian)").orElseThrow())
                .extracting(OsRelease::id, OsRelease::versionId).containsExactly("rocky", "8.9");
        assertThat(parse("etc/redhat-release", "AlmaLinux release 9.3 (Shamrock Pink)").orElseThrow())
                .extracting(OsRelease::id, OsRelease::versionId).containsExactly("almalinux", "9.3");
        assertThat(parse("etc/system-release", "Amazon Linux release 2023 (Amazon Linux)").orElseThrow())
                .extracting(OsRelease::id, OsRelease::versionId).containsExactly("amzn", "2023");
    }

    @Test
    void osReleaseComesFirst() {
        assertThat(OsReleaseParser.precedence("/etc/os-release"))
                .isLessThan(OsReleaseParser.precedence("etc/alpine-release"));
        assertThat(OsReleaseParser.precedence("usr/lib/os-release"))
                .isLessThan(OsReleaseParser.precedence("etc/debian_version"));
        assertThat(OsReleaseParser.precedence("etc/hostname")).isEqualTo(OsReleaseParser.PATHS.size());
    }

    @Test
    void corruptOrForeignContentGivesNothing() {
        assertThat(parse("etc/os-release", "\u0000\u0001garbage without equals\nID=\n")).isEmpty();
        assertThat(parse("etc/alpine-release", "")).isEmpty();
        assertThat(parse("etc/debian_version", "%%%\n")).isEmpty();
        assertThat(parse("etc/redhat-release", "Some Other OS 1.0")).isEmpty();
        assertThat(parse("etc/passwd", "ID=debian")).isEmpty();
    }
}
