package dev.layerwatch.engine.source;

import dev.layerwatch.common.image.Digest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Hashes a blob as it is read and fails at its end when the content does not match the digest that named it. */
final class DigestCheckingInputStream extends FilterInputStream {

    private final Digest expected;
    private final String what;
    private final MessageDigest sha256;
    private boolean checked;
    private String mismatch;

    DigestCheckingInputStream(InputStream in, Digest expected, String what) {
        super(in);
        this.expected = expected;
        this.what = what;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            sha256.update(b, off, n);
        } else if (n < 0) {
            verify();
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] scratch = new byte[(int) Math.min(n, 1 << 16)];
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

    /** Sticky: GZIPInputStream swallows an IOException while probing for a next member, so every later read must fail too. */
    private void verify() throws IOException {
        if (!checked && "sha256".equals(expected.algorithm())) {
            checked = true;
            Digest actual = Digest.sha256(sha256.digest());
            if (!actual.equals(expected)) {
                mismatch = what + ": digest mismatch: expected " + expected + ", content is " + actual;
            }
        }
        if (mismatch != null) {
            throw new IOException(mismatch);
        }
    }
}
