package dev.layerwatch.engine.ecosystem.java;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;

/**
 * Walks one archive as a zip stream, descending into nested archives as their entries stream past.
 * commons-compress is used rather than {@code java.util.zip} because Spring Boot stores nested jars
 * uncompressed, and some writers add data descriptors to stored entries, which the JDK refuses.
 * Damage inside an archive (bad zip, bad manifest) becomes a warning; a failure of the layer stream
 * itself is rethrown.
 */
final class JavaArchiveReader {

    static final int MAX_DEPTH = 4;
    static final int MAX_ENTRIES = 200_000;
    static final int MAX_SMALL_ENTRY = 1 << 20;
    /** Total bytes inflated from nested archives per top-level file: a bound on zip bombs. */
    static final long MAX_NESTED_BYTES = 2L << 30;

    /** How far into a file a launch script may push the zip data (Spring Boot "fully executable" jars). */
    static final int MAX_PREFIX = 64 << 10;

    private static final byte[] LOCAL_FILE_HEADER = {'P', 'K', 3, 4};

    private final List<JavaCoordinates> found = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final InflatedBytesBudget nestedBudget = new InflatedBytesBudget(MAX_NESTED_BYTES);

    List<JavaCoordinates> found() {
        return found;
    }

    List<String> warnings() {
        return warnings;
    }

    void read(String location, InputStream content) throws IOException {
        LayerSourceStream source = new LayerSourceStream(content);
        read(location, skipPrefix(source), source, 0);
    }

    /** Positions the stream on the first local file header when a script or stub precedes the zip data. */
    private static InputStream skipPrefix(InputStream source) throws IOException {
        BufferedInputStream in = new BufferedInputStream(source, MAX_PREFIX);
        in.mark(MAX_PREFIX);
        byte[] head = in.readNBytes(MAX_PREFIX);
        in.reset();
        int start = indexOf(head, LOCAL_FILE_HEADER);
        if (start > 0) {
            in.skipNBytes(start);
        }
        return in;
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private void read(String location, InputStream in, LayerSourceStream source, int depth) throws IOException {
        List<JavaCoordinates> poms = new ArrayList<>();
        Manifest manifest = null;
        int entries = 0;
        ZipArchiveInputStream zip = new ZipArchiveInputStream(new UnclosableInputStream(in), "UTF-8", true, true);
        try {
            ZipArchiveEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > MAX_ENTRIES) {
                    warnings.add(location + ": more than " + MAX_ENTRIES + " entries, rest not read");
                    break;
                }
                String name = entry.getName();
                if (entry.isDirectory() || !zip.canReadEntryData(entry)) {
                    continue;
                }
                if (isPomProperties(name)) {
                    byte[] bytes = small(zip, location, name);
                    if (bytes != null) {
                        pom(location, name, bytes).ifPresent(poms::add);
                    }
                } else if (name.equalsIgnoreCase("META-INF/MANIFEST.MF")) {
                    byte[] bytes = small(zip, location, name);
                    manifest = bytes == null ? null : manifest(location, bytes);
                } else if (JavaArchiveFileName.isArchive(name)) {
                    nested(location + "!/" + name, zip, source, depth + 1);
                }
            }
        } catch (IOException e) {
            if (source.failed()) {
                throw e;
            }
            warnings.add(location + ": archive unreadable after " + entries + " entries: " + e.getMessage());
        } catch (RuntimeException e) {
            // commons-compress may still answer crafted input with an unchecked exception
            warnings.add(location + ": archive unreadable after " + entries + " entries: " + e);
        } finally {
            zip.close();
        }
        if (entries == 0) {
            warnings.add(location + ": not a zip archive (no entries found)");
            return;
        }
        identify(location, poms, manifest);
    }

    private void nested(String location, InputStream entry, LayerSourceStream source, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            warnings.add(location + ": nested deeper than " + MAX_DEPTH + " archives, not read");
            return;
        }
        if (nestedBudget.exhausted()) {
            warnings.add(location + ": nested archives exceed " + MAX_NESTED_BYTES + " bytes in total, not read");
            return;
        }
        read(location, nestedBudget.counting(entry), source, depth);
    }

    /**
     * pom.properties first (one package each, several in shaded jars). The file name, else the manifest,
     * speaks when there is none, and also when the poms all describe other artifacts (a jar that shades
     * its dependencies but carries no pom.properties of its own). The file name's version beats the
     * manifest's, which is often decorated ({@code 1.9.10-release-459}, {@code 3.22.0.v20241030-2121}).
     */
    private void identify(String location, List<JavaCoordinates> poms, Manifest manifest) {
        found.addAll(poms);
        var fromName = JavaArchiveFileName.parse(location);
        if (!poms.isEmpty() && (fromName.isEmpty()
                || poms.stream().anyMatch(p -> p.artifactId().equals(fromName.get().name())))) {
            return;
        }
        String artifact = fromName.map(JavaArchiveFileName.NameVersion::name).orElse(null);
        String version = fromName.map(JavaArchiveFileName.NameVersion::version).orElse(null);
        Attributes main = manifest == null ? null : manifest.getMainAttributes();
        if (main != null) {
            if (version == null) {
                version = firstNonBlank(JavaArchiveFileName.cleanVersion(main.getValue("Implementation-Version")),
                        JavaArchiveFileName.cleanVersion(main.getValue("Bundle-Version")));
            }
            if (artifact == null) {
                String symbolic = main.getValue("Bundle-SymbolicName");
                artifact = firstNonBlank(symbolic == null ? null : symbolic.split(";", 2)[0].strip(),
                        main.getValue("Implementation-Title"));
            }
        }
        if (artifact != null && version != null) {
            var inferred = MavenGroups.infer(artifact, main);
            found.add(new JavaCoordinates(inferred.map(MavenGroups.Inferred::group).orElse(null), artifact, version,
                    location, inferred.map(MavenGroups.Inferred::guessed).orElse(true)));
        }
    }

    private Optional<JavaCoordinates> pom(String location, String name, byte[] bytes) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(new String(bytes, StandardCharsets.ISO_8859_1)));
        } catch (IOException | IllegalArgumentException e) {
            warnings.add(location + "!/" + name + ": unreadable pom.properties: " + e.getMessage());
            return Optional.empty();
        }
        String group = blankToNull(properties.getProperty("groupId"));
        String artifact = blankToNull(properties.getProperty("artifactId"));
        String version = blankToNull(properties.getProperty("version"));
        if (group == null || artifact == null || version == null) {
            warnings.add(location + "!/" + name + ": pom.properties lacks groupId, artifactId or version");
            return Optional.empty();
        }
        return Optional.of(new JavaCoordinates(group.strip(), artifact.strip(), version.strip(), location));
    }

    private Manifest manifest(String location, byte[] bytes) {
        try {
            return new Manifest(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            warnings.add(location + "!/META-INF/MANIFEST.MF: unreadable manifest: " + e.getMessage());
            return null;
        }
    }

    private byte[] small(InputStream zip, String location, String name) throws IOException {
        byte[] bytes = zip.readNBytes(MAX_SMALL_ENTRY + 1);
        if (bytes.length > MAX_SMALL_ENTRY) {
            warnings.add(location + "!/" + name + ": larger than " + MAX_SMALL_ENTRY + " bytes, not read");
            return null;
        }
        return bytes;
    }

    private static boolean isPomProperties(String name) {
        return name.startsWith("META-INF/maven/") && name.endsWith("/pom.properties");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}
