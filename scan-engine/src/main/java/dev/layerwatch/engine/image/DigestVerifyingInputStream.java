package dev.layerwatch.engine.image;

import dev.layerwatch.common.image.Digest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Hashes a blob as it passes and fails at its end when the bytes do not match the digest that named it, so a corrupt
 * or tampered blob is caught without ever being held whole. Every image source wraps its blobs in one.
 *
 * <p>The failure is sticky: {@code GZIPInputStream} swallows an {@link IOException} while probing for a next member,
 * so every later read must fail too.
 */
public final class DigestVerifyingInputStream extends FilterInputStream {

    /** Builds the exception a mismatch raises, naming the source's own context (registry, layout path…). */
    @FunctionalInterface
    public interface MismatchReport {
        IOException mismatch(Digest expected, Digest actual);
    }

    private final MessageDigest hasher;
    private final Digest expected;
    private final MismatchReport report;
    private boolean verified;
    private IOException failure;

    public DigestVerifyingInputStream(InputStream in, Digest expected, MismatchReport report) {
        super(in);
        this.expected = expected;
        this.report = report;
        this.hasher = hasher(expected.algorithm());
    }

    /** A stream whose mismatch is a plain {@link IOException}: "{@code what}: digest mismatch: expected …, content is …". */
    public static DigestVerifyingInputStream describing(InputStream in, Digest expected, String what) {
        return new DigestVerifyingInputStream(in, expected,
                (want, got) -> new IOException(what + ": digest mismatch: expected " + want + ", content is " + got));
    }

    /** SHA-256 or SHA-512, the algorithms the OCI descriptor spec registers. */
    public static MessageDigest hasher(String digestAlgorithm) {
        String algorithm = switch (digestAlgorithm) {
            case "sha256" -> "SHA-256";
            case "sha512" -> "SHA-512";
            default -> throw new IllegalArgumentException("unsupported digest algorithm '" + digestAlgorithm + "'");
        };
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e);
        }
    }

    /** The digest of {@code bytes} with {@code algorithm} ({@code sha256}, {@code sha512}). */
    public static Digest digestOf(byte[] bytes, String algorithm) {
        return new Digest(algorithm, HexFormat.of().formatHex(hasher(algorithm).digest(bytes)));
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (failure != null) {
            throw failure;
        }
        int n = in.read(buffer, offset, length);
        if (n > 0) {
            hasher.update(buffer, offset, n);
        } else if (n < 0) {
            verify();
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // skipped bytes must still be hashed, so skipping reads
        byte[] scratch = new byte[(int) Math.min(Math.max(n, 1), 1 << 16)];
        long left = n;
        while (left > 0) {
            int r = read(scratch, 0, (int) Math.min(scratch.length, left));
            if (r < 0) {
                break;
            }
            left -= r;
        }
        return n - left;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void verify() throws IOException {
        if (!verified) {
            verified = true;
            Digest actual = new Digest(expected.algorithm(), HexFormat.of().formatHex(hasher.digest()));
            if (!actual.equals(expected)) {
                failure = report.mismatch(expected, actual);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
