package dev.layerwatch.engine.registry;

import dev.layerwatch.common.image.Digest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Hashes bytes as they pass and, at end of stream, throws {@link RegistryDigestMismatchException} when they do
 * not match the digest asked for — so a corrupt blob is caught without ever holding it whole.
 */
final class DigestVerifyingInputStream extends FilterInputStream {

    private final MessageDigest hasher;
    private final Digest expected;
    private final String registry;
    private final String repository;
    private final String action;
    private boolean verified;

    DigestVerifyingInputStream(InputStream in, Digest expected, String registry, String repository, String action) {
        super(in);
        this.expected = expected;
        this.registry = registry;
        this.repository = repository;
        this.action = action;
        this.hasher = hasher(expected);
    }

    static MessageDigest hasher(Digest digest) {
        return hasher(digest.algorithm());
    }

    /** SHA-256 or SHA-512, the algorithms the OCI descriptor spec registers. */
    static MessageDigest hasher(String digestAlgorithm) {
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
    static Digest digestOf(byte[] bytes, String algorithm) {
        return new Digest(algorithm, java.util.HexFormat.of().formatHex(hasher(algorithm).digest(bytes)));
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
            verify();
        } else {
            hasher.update((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n < 0) {
            verify();
        } else {
            hasher.update(buffer, offset, n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // skipped bytes must still be hashed, so skipping reads
        byte[] buffer = new byte[8192];
        long skipped = 0;
        while (skipped < n) {
            int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void verify() throws RegistryDigestMismatchException {
        if (verified) {
            return;
        }
        verified = true;
        Digest actual = new Digest(expected.algorithm(), java.util.HexFormat.of().formatHex(hasher.digest()));
        if (!actual.equals(expected)) {
            throw new RegistryDigestMismatchException(registry, repository, action, expected, actual);
        }
    }
}
