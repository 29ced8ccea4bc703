package dev.layerwatch.engine.match;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.layerwatch.engine.inventory.Package;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The finding fingerprint: lower-case hex SHA-256 of {@code id + "\n" + purl-without-version + "\n" + version}, plus
 * {@code "\n" + location} when the package names the file it was found in (so the plain, fat and shaded copies of
 * one jar in one image are three findings downstream, not one),
 * where purl-without-version is {@code pkg:type/namespace/name} (no version, qualifiers or subpath,
 * so an arch or distro qualifier change does not make a new finding). The same vulnerability in the
 * same package version therefore keeps its fingerprint across re-scans and snapshot updates;
 * upgrading the package makes a new one. Downstream dedupe (Jira labels, notification state) keys on it.
 */
public final class Fingerprints {

    private Fingerprints() {
    }

    public static String of(String id, Package p) {
        String location = location(p);
        return sha256(id + "\n" + purlWithoutVersion(p) + "\n" + p.version() + (location == null ? "" : "\n" + location));
    }

    /** The file that evidences this copy of the package: its first location, or null. */
    static String location(Package p) {
        return p.locations().isEmpty() ? null : p.locations().getFirst();
    }

    static String purlWithoutVersion(Package p) {
        if (p.purl() != null && !p.purl().isBlank()) {
            try {
                PackageURL purl = new PackageURL(p.purl());
                return new PackageURL(purl.getType(), purl.getNamespace(), purl.getName(), null, null, null).canonicalize();
            } catch (MalformedPackageURLException e) {
                // fall through to the package's own coordinates
            }
        }
        return "pkg:" + p.ecosystem().purlType() + "/" + p.name();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
