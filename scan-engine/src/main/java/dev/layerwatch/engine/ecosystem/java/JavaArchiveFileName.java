package dev.layerwatch.engine.ecosystem.java;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The last-resort identity of an archive: {@code log4j-core-2.14.1.jar} → log4j-core 2.14.1. */
final class JavaArchiveFileName {

    static final Set<String> EXTENSIONS = Set.of("jar", "war", "ear", "par", "jpi", "hpi");

    // greedy name, so the version is the last dash-digit part; a known qualifier may follow it
    private static final Pattern NAME_VERSION = Pattern.compile(
            "^(.+)-(\\d[^-]*(?:-(?:SNAPSHOT|RELEASE|FINAL|Final|GA|jre|android|jdk\\d+|alpha\\w*|beta\\w*|rc\\w*|RC\\w*|M\\d+))?)$");

    record NameVersion(String name, String version) {
    }

    private JavaArchiveFileName() {
    }

    static boolean isArchive(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    static Optional<NameVersion> parse(String fileName) {
        int slash = fileName.lastIndexOf('/');
        String base = fileName.substring(slash + 1);
        int dot = base.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        Matcher m = NAME_VERSION.matcher(base.substring(0, dot));
        return m.matches() ? Optional.of(new NameVersion(m.group(1), m.group(2))) : Optional.empty();
    }
}
