package dev.layerwatch.engine.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InflateAheadTest {

    private static byte[] bytes(int size) {
        byte[] b = new byte[size];
        new Random(3).nextBytes(b);
        return b;
    }

    @Test
    void deliversEveryByteInOrderAndHashesThem() throws Exception {
        byte[] data = bytes(InflateAhead.CHUNK * 3 + 12345);
        InflateAhead in = new InflateAhead(new ByteArrayInputStream(data));
        try {
            byte[] head = in.readNBytes(1000);
            assertThat(in.skip(InflateAhead.CHUNK)).isEqualTo(InflateAhead.CHUNK);
            byte[] rest = in.readAllBytes();
            assertThat(head).isEqualTo(java.util.Arrays.copyOf(data, 1000));
            assertThat(rest).isEqualTo(java.util.Arrays.copyOfRange(data, 1000 + InflateAhead.CHUNK, data.length));
            assertThat(in.count()).isEqualTo(data.length);
            assertThat(in.read()).isEqualTo(-1);
            assertThat(in.digest()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(data));
        } finally {
            in.close();
        }
    }

    @Test
    void anErrorOnTheInflatingSideIsThrownWhereTheWalkReachesItAndAgainAfter() throws IOException {
        byte[] data = bytes(InflateAhead.CHUNK + 10);
        InputStream failing = new SequenceInputStream(new ByteArrayInputStream(data), new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("Unexpected end of ZLIB input stream");
            }
        });
        InflateAhead in = new InflateAhead(failing);
        try {
            assertThat(in.readNBytes(InflateAhead.CHUNK)).isEqualTo(java.util.Arrays.copyOf(data, InflateAhead.CHUNK));
            assertThat(in.readNBytes(10)).as("the bytes before the error").hasSize(10);
            assertThatThrownBy(in::read).hasMessageContaining("ZLIB");
            assertThat(in.count()).isEqualTo(data.length);
            assertThatThrownBy(in::read).hasMessageContaining("ZLIB");
        } finally {
            in.close();
        }
    }

    @Test
    void closingEarlyStopsTheInflatingSideBeforeTheEnd() throws Exception {
        CountingStream source = new CountingStream(new ByteArrayInputStream(bytes(InflateAhead.CHUNK * 40)));
        InflateAhead in = new InflateAhead(source);
        in.read();
        in.close();
        long readAtClose = source.count;
        assertThat(readAtClose).isLessThanOrEqualTo((long) InflateAhead.CHUNK * (InflateAhead.QUEUED + 2));
        Thread.sleep(200);
        assertThat(source.count).as("nothing is read after close returns").isEqualTo(readAtClose);
    }

    private static final class CountingStream extends java.io.FilterInputStream {
        volatile long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
