package dev.layerwatch.engine.ecosystem.java;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.jar.Attributes;

/**
 * The group of a Java archive without pom.properties. In order: the maintained artifact→group table
 * ({@code artifact-groups.txt}: well-known artifacts, a statement); then guesses, flagged as such: a
 * {@code Bundle-SymbolicName} or {@code Automatic-Module-Name} that names the artifact (see
 * {@link #fromModuleName}), then {@code Implementation-Vendor-Id} (Maven's archiver writes the groupId there, but
 * families such as Apache Commons write {@code org.apache}). No group at all is unknown and flagged too: a group is
 * never invented silently.
 */
final class MavenGroups {

    /** A group and whether it is a guess rather than a statement. */
    record Inferred(String group, boolean guessed) {
    }

    private static final Map<String, String> EXACT = new HashMap<>();
    private static final Map<String, String> PREFIXES = new HashMap<>();

    static {
        try (InputStream in = MavenGroups.class.getResourceAsStream("artifact-groups.txt")) {
            if (in == null) {
                throw new IllegalStateException("artifact-groups.txt is missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\s+");
                if (parts[0].endsWith("*")) {
                    PREFIXES.put(parts[0].substring(0, parts[0].length() - 1), parts[1]);
                } else {
                    EXACT.put(parts[0], parts[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private MavenGroups() {
    }

    /** The table's group for {@code artifact}: exact, else the longest prefix ({@code jakarta.*} keeps the name). */
    static Optional<String> fromTable(String artifact) {
        String exact = EXACT.get(artifact);
        if (exact != null) {
            return Optional.of(exact);
        }
        String best = null;
        for (String prefix : PREFIXES.keySet()) {
            if (artifact.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        String group = PREFIXES.get(best);
        // "jakarta.*" / "javax.*": the group is the artifact's dotted name before its first dash
        // (jakarta.servlet-api -> jakarta.servlet, javax.inject -> javax.inject)
        if (group.endsWith(".*")) {
            int dash = artifact.indexOf('-');
            return Optional.of(dash > 0 ? artifact.substring(0, dash) : artifact);
        }
        return Optional.of(group);
    }

    static Optional<Inferred> infer(String artifact, Attributes manifest) {
        Optional<String> table = fromTable(artifact);
        if (table.isPresent()) {
            return Optional.of(new Inferred(table.get(), false));
        }
        if (manifest == null) {
            return Optional.empty();
        }
        for (String header : new String[] {"Bundle-SymbolicName", "Automatic-Module-Name"}) {
            String value = blankToNull(manifest.getValue(header));
            Optional<String> group = value == null ? Optional.empty() : fromModuleName(value.split(";", 2)[0].strip(), artifact);
            if (group.isPresent()) {
                return Optional.of(new Inferred(group.get(), true));
            }
        }
        // often the groupId (Maven's archiver writes it), but also "org.apache" or "com.sun" for whole families
        String vendorId = blankToNull(manifest.getValue("Implementation-Vendor-Id"));
        if (vendorId != null && vendorId.strip().matches("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)+")) {
            return Optional.of(new Inferred(vendorId.strip(), true));
        }
        return Optional.empty();
    }

    /**
     * A group from an OSGi or JPMS name: {@code com.jayway.jsonpath.json-path} ends with the artifact
     * ({@code com.jayway.jsonpath}); {@code io.opentelemetry.sdk.trace} or {@code com.diffplug.durian.collect} hold the
     * artifact's first word as a segment ({@code io.opentelemetry}, {@code com.diffplug.durian}).
     */
    static Optional<String> fromModuleName(String name, String artifact) {
        if (!name.contains(".")) {
            return Optional.empty();
        }
        if (name.endsWith("." + artifact)) {
            return Optional.of(name.substring(0, name.length() - artifact.length() - 1));
        }
        String firstWord = artifact.split("[-_.]", 2)[0];
        String[] segments = name.split("\\.");
        StringBuilder group = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            group.append(i == 0 ? "" : ".").append(segments[i]);
            if (i > 0 && segments[i].equals(firstWord)) {
                return Optional.of(group.toString());
            }
        }
        return Optional.empty();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
