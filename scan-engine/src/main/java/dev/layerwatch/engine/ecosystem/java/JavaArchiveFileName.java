package dev.layerwatch.engine.ecosystem.java;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The last-resort identity of an archive: {@code log4j-core-2.14.1.jar} → log4j-core 2.14.1. */
final class JavaArchiveFileName {

    static final Set<String> EXTENSIONS = Set.of("jar", "war", "ear", "par", "jpi", "hpi");

    /**
     * A version as Maven file names carry it: numbers, then dot- or dash-separated numeric parts or known
     * qualifiers. A word like {@code api} in {@code log4j-1.2-api-2.14.1} is a name part, not a version.
     */
    private static final Pattern VERSION = Pattern.compile(
            "\\d+(?:\\.\\d+)*[A-Za-z0-9]*(?:[.-](?:\\d\\w*|SNAPSHOT|RELEASE|FINAL|Final|GA|jre\\d*|android|jdk\\d+"
                    + "|alpha\\w*|beta\\w*|rc\\w*|RC\\w*|M\\d+|b\\d+|v\\d\\w*))*");

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
        String stem = base.substring(0, dot);
        // the first dash-digit split whose remainder is a whole version wins
        for (int dash = stem.indexOf('-'); dash > 0; dash = stem.indexOf('-', dash + 1)) {
            String version = stem.substring(dash + 1);
            if (VERSION.matcher(version).matches()) {
                return Optional.of(new NameVersion(stem.substring(0, dash), version));
            }
        }
        return Optional.empty();
    }

    /** A manifest version made usable: first word, quotes dropped; null unless it starts with a digit. */
    static String cleanVersion(String value) {
        if (value == null) {
            return null;
        }
        String first = value.strip().replace("\"", "").split("\\s+", 2)[0];
        return !first.isEmpty() && Character.isDigit(first.charAt(0)) ? first : null;
    }
}
