package dev.layerwatch.common.image;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A content digest such as {@code sha256:e3b0…}: the OCI descriptor grammar
 * {@code algorithm ":" encoded}, with the registered algorithms' lengths enforced.
 */
public record Digest(String algorithm, String hex) implements Comparable<Digest> {

    private static final Pattern ALGORITHM = Pattern.compile("[a-z0-9]+(?:[+._-][a-z0-9]+)*");
    private static final Pattern ENCODED = Pattern.compile("[a-zA-Z0-9=_-]+");

    public Digest {
        if (algorithm == null || !ALGORITHM.matcher(algorithm).matches()) {
            throw new IllegalArgumentException("invalid digest algorithm '" + algorithm + "': expected lower-case letters and digits such as sha256");
        }
        if (hex == null || !ENCODED.matcher(hex).matches()) {
            throw new IllegalArgumentException("invalid " + algorithm + " digest '" + hex + "': expected an encoded value of [a-zA-Z0-9=_-]");
        }
        int expected = switch (algorithm) {
            case "sha256" -> 64;
            case "sha512" -> 128;
            default -> -1;
        };
        if (expected > 0) {
            if (hex.length() != expected || !hex.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                throw new IllegalArgumentException("invalid " + algorithm + " digest '" + hex + "': expected " + expected + " lower-case hex characters, got " + hex.length());
            }
        }
    }

    /** Parses {@code algorithm:hex}; throws {@link IllegalArgumentException} naming what is wrong. */
    @JsonCreator
    public static Digest parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("invalid digest: empty");
        }
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("invalid digest '" + text + "': expected algorithm:hex such as sha256:<64 hex>");
        }
        return new Digest(text.substring(0, colon), text.substring(colon + 1));
    }

    /** True when {@code text} parses as a digest. */
    public static boolean isDigest(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public static Digest sha256(byte[] rawDigest) {
        return new Digest("sha256", HexFormat.of().formatHex(rawDigest).toLowerCase(Locale.ROOT));
    }

    /** The first 12 hex characters, as `docker images` shows them. */
    public String shortHex() {
        return hex.length() <= 12 ? hex : hex.substring(0, 12);
    }

    @JsonValue
    @Override
    public String toString() {
        return algorithm + ":" + hex;
    }

    @Override
    public int compareTo(Digest other) {
        return toString().compareTo(other.toString());
    }
}
