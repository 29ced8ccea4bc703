package dev.layerwatch.engine.check;

import dev.layerwatch.common.finding.ConfigFinding;
import dev.layerwatch.common.finding.Severity;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A package manager left in the final filesystem: the image is not distroless, and whoever gets a shell in the
 * container can install tools. Paths are relative to the image root, without a leading slash; both the
 * {@code bin/} and {@code usr/bin/} forms are listed because merged-/usr images keep only one of them.
 */
public final class PackageManagerCheck {

    public static final String ID = "LW-PACKAGE-MANAGER";

    /** OS package managers: their presence means the image is not distroless. */
    static final List<String> OS_PATHS = List.of(
            "sbin/apk", "usr/sbin/apk", "bin/apk",
            "usr/bin/apt", "usr/bin/apt-get", "usr/bin/dpkg", "bin/dpkg",
            "usr/bin/yum", "usr/bin/dnf", "usr/bin/dnf-3", "usr/bin/dnf5", "usr/bin/microdnf",
            "bin/rpm", "usr/bin/rpm");

    /** Language package managers: reported alongside, at a lower severity when they are the only ones present. */
    static final List<String> LANGUAGE_PATHS = List.of(
            "usr/bin/pip", "usr/bin/pip3", "usr/local/bin/pip", "usr/local/bin/pip3");

    public static final List<String> PATHS = Stream.concat(OS_PATHS.stream(), LANGUAGE_PATHS.stream()).toList();

    private PackageManagerCheck() {
    }

    /** At most one finding, naming every package-manager binary found. */
    public static List<ConfigFinding> check(Predicate<String> existsInFinalFilesystem) {
        List<String> os = OS_PATHS.stream().filter(existsInFinalFilesystem).toList();
        List<String> language = LANGUAGE_PATHS.stream().filter(existsInFinalFilesystem).toList();
        if (os.isEmpty() && language.isEmpty()) {
            return List.of();
        }
        List<String> found = Stream.concat(os.stream(), language.stream()).map(p -> "/" + p).toList();
        Severity severity = os.isEmpty() ? Severity.NEGLIGIBLE : Severity.LOW;
        String what = os.isEmpty() ? "language package manager" : "package manager";
        return List.of(new ConfigFinding(ID, severity, "Image is not distroless: " + what + " present",
                "Found " + String.join(", ", found) + " in the final filesystem. Anyone with a shell in the container "
                        + "can install further tools; a distroless or multi-stage final image leaves package managers out."));
    }
}
