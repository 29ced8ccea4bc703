package dev.layerwatch.engine.ecosystem.os;

import dev.layerwatch.engine.inventory.OsRelease;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the files that name an image's distribution. os-release is authoritative; the distro-specific
 * files are fallbacks for images that ship no os-release (old CentOS, trimmed Debian, minimal Alpine).
 */
public final class OsReleaseParser {

    /** The files to hand to {@link #parse}, relative to the image root, in order of {@link #precedence}. */
    public static final List<String> PATHS = List.of(
            "etc/os-release",
            "usr/lib/os-release",
            "etc/alpine-release",
            "etc/redhat-release",
            "etc/system-release",
            "etc/debian_version");

    private static final Map<String, String> DEBIAN_CODENAMES = Map.of(
            "7", "wheezy", "8", "jessie", "9", "stretch", "10", "buster",
            "11", "bullseye", "12", "bookworm", "13", "trixie", "14", "forky");

    private static final Pattern RELEASE_LINE = Pattern.compile(
            "^(.*?)\\s+release\\s+([0-9][0-9.]*)(?:\\s*\\((.*)\\))?.*$");

    private OsReleaseParser() {
    }

    /** Lower wins: os-release first, then the distro files; unknown paths last. */
    public static int precedence(String path) {
        int i = PATHS.indexOf(strip(path));
        return i < 0 ? PATHS.size() : i;
    }

    /** The release described by one of {@link #PATHS}; empty when the content names no distribution. */
    public static Optional<OsRelease> parse(String path, byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        return switch (strip(path)) {
            case "etc/os-release", "usr/lib/os-release" -> osRelease(text);
            case "etc/alpine-release" -> alpine(text);
            case "etc/debian_version" -> debian(text);
            case "etc/redhat-release", "etc/system-release" -> redhatFamily(text);
            default -> Optional.empty();
        };
    }

    private static Optional<OsRelease> osRelease(String text) {
        Map<String, String> fields = new HashMap<>();
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            int eq = line.indexOf('=');
            if (line.isEmpty() || line.startsWith("#") || eq <= 0) {
                continue;
            }
            fields.put(line.substring(0, eq).strip(), unquote(line.substring(eq + 1).strip()));
        }
        String id = fields.get("ID");
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        String codename = fields.get("VERSION_CODENAME");
        if ((codename == null || codename.isBlank()) && "debian".equals(id)) {
            codename = DEBIAN_CODENAMES.get(fields.get("VERSION_ID"));
        }
        return Optional.of(new OsRelease(id.toLowerCase(Locale.ROOT), blankToNull(fields.get("VERSION_ID")),
                blankToNull(codename), blankToNull(fields.get("PRETTY_NAME"))));
    }

    /** Shell-style value: single quotes literal, double quotes with backslash escapes, bare words as is. */
    static String unquote(String value) {
        if (value.length() >= 2 && value.charAt(0) == '\'' && value.endsWith("'")) {
            return value.substring(1, value.length() - 1);
        }
        if (value.length() >= 2 && value.charAt(0) == '"' && value.endsWith("\"")) {
            StringBuilder out = new StringBuilder();
            for (int i = 1; i < value.length() - 1; i++) {
                char c = value.charAt(i);
                if (c == '\\' && i + 1 < value.length() - 1) {
                    c = value.charAt(++i);
                }
                out.append(c);
            }
            return out.toString();
        }
        int hash = value.indexOf(" #");
        return hash >= 0 ? value.substring(0, hash).strip() : value;
    }

    private static Optional<OsRelease> alpine(String text) {
        String version = firstLine(text);
        if (version.isEmpty() || !Character.isDigit(version.charAt(0))) {
            return Optional.empty();
        }
        return Optional.of(new OsRelease("alpine", version, null, "Alpine Linux v" + version));
    }

    private static Optional<OsRelease> debian(String text) {
        String line = firstLine(text);
        if (line.isEmpty()) {
            return Optional.empty();
        }
        if (Character.isDigit(line.charAt(0))) {
            String major = line.split("[.]", 2)[0];
            return Optional.of(new OsRelease("debian", major, DEBIAN_CODENAMES.get(major),
                    "Debian GNU/Linux " + major));
        }
        // testing and unstable write "<codename>/sid": no number yet
        String codename = line.split("/", 2)[0];
        if (!codename.matches("[a-z]+")) {
            return Optional.empty();
        }
        return Optional.of(new OsRelease("debian", null, codename, "Debian GNU/Linux " + line));
    }

    private static Optional<OsRelease> redhatFamily(String text) {
        String line = firstLine(text);
        Matcher m = RELEASE_LINE.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        String product = m.group(1).toLowerCase(Locale.ROOT);
        String version = m.group(2);
        String id;
        if (product.startsWith("red hat enterprise linux")) {
            id = "rhel";
        } else if (product.startsWith("centos")) {
            id = "centos";
            version = version.split("[.]", 2)[0];
        } else if (product.startsWith("rocky")) {
            id = "rocky";
        } else if (product.startsWith("almalinux")) {
            id = "almalinux";
        } else if (product.startsWith("fedora")) {
            id = "fedora";
        } else if (product.startsWith("amazon linux")) {
            id = "amzn";
        } else if (product.startsWith("oracle linux")) {
            id = "ol";
        } else {
            return Optional.empty();
        }
        return Optional.of(new OsRelease(id, version, null, line));
    }

    private static String firstLine(String text) {
        String[] lines = text.strip().split("\\R", 2);
        return lines.length == 0 ? "" : lines[0].strip();
    }

    private static String strip(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
