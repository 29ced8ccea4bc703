package dev.layerwatch.engine.ecosystem.java;

import java.io.IOException;
import java.io.InputStream;

/** Bytes that nested archives of one file may inflate in total: what stops a zip bomb short of the end. */
final class InflatedBytesBudget {

    private final long limit;
    private long used;

    InflatedBytesBudget(long limit) {
        this.limit = limit;
    }

    boolean exhausted() {
        return used > limit;
    }

    /** {@code entry}, counting what is read from it; reading past the budget fails with an IOException. */
    InputStream counting(InputStream entry) {
        return new UnclosableInputStream(entry) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    spend(1);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    spend(n);
                }
                return n;
            }
        };
    }

    private void spend(long n) throws IOException {
        used += n;
        if (used > limit) {
            throw new IOException("nested archives inflate to more than " + limit + " bytes in total");
        }
    }
}
