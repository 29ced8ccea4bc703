package dev.layerwatch.engine.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerwatch.common.finding.ConfigFinding;
import dev.layerwatch.common.finding.Severity;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackageManagerCheckTest {

    @Test
    void alpineKeepsApk() throws Exception {
        assertThat(checkRootfs("alpine-rootfs")).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo("LW-PACKAGE-MANAGER");
            assertThat(f.severity()).isEqualTo(Severity.LOW);
            assertThat(f.detail()).contains("/sbin/apk");
        });
    }

    @Test
    void debianNamesEveryBinaryFound() throws Exception {
        assertThat(checkRootfs("debian-rootfs")).singleElement()
                .satisfies(f -> assertThat(f.detail()).contains("/usr/bin/apt-get").contains("/usr/bin/dpkg"));
    }

    @Test
    void distrolessHasNoFinding() throws Exception {
        assertThat(checkRootfs("distroless-rootfs")).isEmpty();
    }

    @Test
    void onlyPipIsALowerSeverityNote() throws Exception {
        assertThat(checkRootfs("python-distroless-rootfs")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.NEGLIGIBLE);
            assertThat(f.title()).contains("language package manager");
        });
    }

    @Test
    void pathsAreRelativeWithoutLeadingSlash() {
        assertThat(PackageManagerCheck.PATHS).contains("sbin/apk", "usr/bin/apt-get", "usr/bin/dpkg", "usr/bin/microdnf", "bin/rpm")
                .noneMatch(p -> p.startsWith("/"))
                .doesNotHaveDuplicates();
    }

    private static List<ConfigFinding> checkRootfs(String name) throws URISyntaxException {
        Path root = Path.of(PackageManagerCheckTest.class.getResource("/check/package-manager/" + name).toURI());
        return PackageManagerCheck.check(p -> Files.isRegularFile(root.resolve(p)));
    }
}
