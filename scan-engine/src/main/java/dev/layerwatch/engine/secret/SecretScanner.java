package dev.layerwatch.engine.secret;

import dev.layerwatch.common.finding.SecretFinding;
import dev.layerwatch.engine.layer.FileMeta;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds secrets in text files and in config values with {@link SecretRules#ALL}. Findings carry only a redacted
 * form of each value; the value itself is never put in a finding, a message or an exception.
 */
public final class SecretScanner {

    public static final long DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

    /** Bytes sniffed for NUL to tell binary from text (as git and grep do). */
    private static final int SNIFF_BYTES = 8000;
    /** Longer lines (minified bundles) are only scanned up to here: regexes over megabyte lines are slow. */
    private static final int MAX_LINE_CHARS = 64 * 1024;

    private static final List<String> SKIPPED_PREFIXES = List.of(
            "usr/share/doc/", "usr/share/man/", "usr/share/info/", "usr/share/locale/", "usr/share/i18n/",
            "usr/share/zoneinfo/", "usr/lib/locale/", "usr/share/mime/", "usr/share/icons/",
            "var/lib/dpkg/", "lib/apk/db/", "var/lib/rpm/", "usr/lib/sysimage/rpm/", "var/cache/",
            "proc/", "sys/", "dev/",
            // language toolchains ship test keys (Go's crypto/tls/testdata, CPython's Lib/test/*.pem)
            "usr/local/go/", "usr/lib/go/", "usr/lib/golang/");
    /** Standard libraries of Python installs: their test suites carry sample private keys. */
    private static final Pattern PYTHON_STDLIB =
            Pattern.compile("^usr/(?:local/)?lib(?:64)?/python[0-9.]+/");
    private static final Pattern SHARED_LIBRARY = Pattern.compile(".*\\.so(\\.[0-9]+)*");
    private static final List<String> SKIPPED_SEGMENTS = List.of(
            "/node_modules/", "/site-packages/", "/dist-packages/", "/__pycache__/", "/.git/", "/testdata/");
    private static final List<String> SKIPPED_SUFFIXES = List.of(
            ".so", ".a", ".o", ".jar", ".war", ".ear", ".class", ".zip", ".gz", ".tgz", ".xz", ".bz2", ".zst",
            ".7z", ".rpm", ".deb", ".apk", ".png", ".jpg", ".jpeg", ".gif", ".ico", ".bmp", ".webp", ".svg",
            ".woff", ".woff2", ".ttf", ".otf", ".eot", ".pdf", ".pyc", ".pyo", ".mo", ".db", ".sqlite", ".wasm",
            ".exe", ".dll", ".node", ".mp3", ".mp4", ".ogg", ".wav", ".bin");

    private final long maxFileSize;
    private final List<SecretRule> rules;
    private final List<String> asciiKeywords;

    public SecretScanner() {
        this(DEFAULT_MAX_FILE_SIZE);
    }

    public SecretScanner(long maxFileSize) {
        this(maxFileSize, SecretRules.ALL);
    }

    SecretScanner(long maxFileSize, List<SecretRule> rules) {
        this.maxFileSize = maxFileSize;
        this.rules = List.copyOf(rules);
        this.asciiKeywords = asciiKeywords(this.rules);
    }

    /** Every rule's keywords, or null when a rule has none or one is not lower-case ASCII (then every line is scanned). */
    private static List<String> asciiKeywords(List<SecretRule> rules) {
        java.util.Set<String> all = new java.util.LinkedHashSet<>();
        for (SecretRule rule : rules) {
            if (rule.keywords().isEmpty()) {
                return null;
            }
            for (String k : rule.keywords()) {
                if (k.isEmpty() || !k.chars().allMatch(c -> c < 128 && c != '\n' && !Character.isUpperCase(c))) {
                    return null;
                }
                all.add(k);
            }
        }
        return List.copyOf(all);
    }

    /** Decided on path and size only: small regular files outside documentation, package databases and vendored trees. */
    public boolean wants(FileMeta f) {
        if (f.size() <= 0 || f.size() > maxFileSize) {
            return false;
        }
        String path = f.path();
        for (String prefix : SKIPPED_PREFIXES) {
            if (path.startsWith(prefix)) {
                return false;
            }
        }
        if (PYTHON_STDLIB.matcher(path).find()) {
            return false;
        }
        String slashed = "/" + path;
        for (String segment : SKIPPED_SEGMENTS) {
            if (slashed.contains(segment)) {
                return false;
            }
        }
        String name = f.fileName().toLowerCase(Locale.ROOT);
        if (SHARED_LIBRARY.matcher(name).matches()) {
            return false;
        }
        for (String suffix : SKIPPED_SUFFIXES) {
            if (name.endsWith(suffix)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Scans one file of one layer. Reads at most the size cap; a file with a NUL byte in its first bytes is
     * binary and yields nothing. {@code content} is not closed.
     */
    public List<SecretFinding> scan(FileMeta f, InputStream content, String layerDigest) throws IOException {
        int cap = (int) Math.min(maxFileSize, Integer.MAX_VALUE - 8);
        byte[] bytes = new byte[(int) Math.min(cap, Math.max(0, f.size()))];
        // the sniff comes first: a binary is given up after its first bytes, not read to its end
        int length = content.readNBytes(bytes, 0, Math.min(bytes.length, SNIFF_BYTES));
        for (int i = 0; i < length; i++) {
            if (bytes[i] == 0) {
                return List.of();
            }
        }
        length += content.readNBytes(bytes, length, bytes.length - length);
        int next = length == bytes.length && bytes.length < cap ? content.read() : -1;
        if (next >= 0) {
            // the stated size was short of the stream (never so in a well-formed tar): read on up to the cap
            byte[] more = content.readNBytes(cap - bytes.length - 1);
            bytes = java.util.Arrays.copyOf(bytes, length + 1 + more.length);
            bytes[length] = (byte) next;
            System.arraycopy(more, 0, bytes, length + 1, more.length);
            length = bytes.length;
        }
        if (asciiKeywords == null) {
            return scanLines(f.location(), layerDigest, new String(bytes, 0, length, StandardCharsets.UTF_8));
        }
        return scanKeywordLines(f.location(), layerDigest, bytes, length);
    }

    /**
     * Runs the rules only on the lines that hold one of their keywords, found first in the raw bytes with
     * the JDK's vectorised search; most files hold none and are never decoded. Gives what
     * {@link #scanLines} gives: every rule's keyword is ASCII and part of any text its pattern matches, and
     * a line break in UTF-8 is always the byte {@code \n}, so lines and their numbers are the same.
     */
    private List<SecretFinding> scanKeywordLines(String location, String layer, byte[] bytes, int length) {
        String folded = new String(bytes, 0, length, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        java.util.TreeSet<Integer> lineStarts = new java.util.TreeSet<>();
        for (String keyword : asciiKeywords) {
            int at = folded.indexOf(keyword);
            while (at >= 0) {
                lineStarts.add(folded.lastIndexOf('\n', at) + 1);
                int end = folded.indexOf('\n', at);
                at = end < 0 ? -1 : folded.indexOf(keyword, end + 1);
            }
        }
        if (lineStarts.isEmpty()) {
            return List.of();
        }
        List<SecretFinding> findings = new ArrayList<>();
        int lineNumber = 1;
        int counted = 0;
        for (int start : lineStarts) {
            for (int nl = folded.indexOf('\n', counted); nl >= 0 && nl < start; nl = folded.indexOf('\n', nl + 1)) {
                lineNumber++;
            }
            counted = start;
            int end = folded.indexOf('\n', start);
            String line = new String(bytes, start, (end < 0 ? length : end) - start, StandardCharsets.UTF_8);
            if (line.length() > MAX_LINE_CHARS) {
                line = line.substring(0, MAX_LINE_CHARS);
            }
            if (!line.isEmpty()) {
                scanLine(line, location, layer, lineNumber, findings);
            }
        }
        return findings;
    }

    /** Scans a value that is not a file (an image config {@code Env} entry, a label); {@code line} is then 0 for one-line text. */
    public List<SecretFinding> scanText(String location, String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<SecretFinding> findings = scanLines(location, null, text);
        if (text.indexOf('\n') < 0) {
            return findings.stream()
                    .map(s -> new SecretFinding(s.ruleId(), s.severity(), s.title(), s.location(), 0, s.layer(), s.redacted()))
                    .toList();
        }
        return findings;
    }

    private List<SecretFinding> scanLines(String location, String layer, String text) {
        List<SecretFinding> findings = new ArrayList<>();
        int lineNumber = 0;
        int start = 0;
        int length = text.length();
        while (start <= length) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = length;
            }
            lineNumber++;
            int stop = Math.min(end, start + MAX_LINE_CHARS);
            if (stop > start) {
                scanLine(text.substring(start, stop), location, layer, lineNumber, findings);
            }
            start = end + 1;
        }
        return findings;
    }

    private void scanLine(String line, String location, String layer, int lineNumber, List<SecretFinding> out) {
        String lower = line.toLowerCase(Locale.ROOT);
        List<int[]> taken = new ArrayList<>();
        for (SecretRule rule : rules) {
            if (!rule.mayMatch(lower)) {
                continue;
            }
            Matcher m = rule.pattern().matcher(line);
            while (m.find()) {
                int s = m.start(rule.secretGroup());
                int e = m.end(rule.secretGroup());
                if (overlaps(taken, s, e)) {
                    continue;
                }
                String value = m.group(rule.secretGroup());
                if (!rule.accepts(value)) {
                    continue;
                }
                taken.add(new int[] {s, e});
                out.add(new SecretFinding(rule.id(), rule.severity(), rule.title(), location, lineNumber, layer, redact(value)));
            }
        }
    }

    private static boolean overlaps(List<int[]> taken, int start, int end) {
        for (int[] t : taken) {
            if (start < t[1] && t[0] < end) {
                return true;
            }
        }
        return false;
    }

    /** At most the first 4 characters (fewer for short values, never more than a quarter), then {@code ****}. */
    static String redact(String value) {
        int shown = Math.min(4, value.length() / 4);
        return value.substring(0, shown) + "****";
    }
}
