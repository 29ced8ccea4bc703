package dev.layerwatch.engine.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerwatch.common.image.Digest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DigestVerifyingInputStreamTest {

    private static final byte[] CONTENT = "layer bytes".repeat(1000).getBytes(StandardCharsets.UTF_8);
    private static final Digest RIGHT = DigestVerifyingInputStream.digestOf(CONTENT, "sha256");

    private static InputStream verifying(byte[] bytes, Digest expected) {
        return DigestVerifyingInputStream.describing(new ByteArrayInputStream(bytes), expected, "oci-layout /x layer " + expected);
    }

    @Test
    void matchingContentReadsThroughWithSkipsHashed() throws Exception {
        try (InputStream in = verifying(CONTENT, RIGHT)) {
            assertThat(in.read()).isEqualTo('l');
            assertThat(in.skip(100)).isEqualTo(100);
            in.readAllBytes();
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void mismatchIsReportedAtEndOfStreamNamingTheBlob() throws Exception {
        byte[] corrupt = CONTENT.clone();
        corrupt[5] ^= 1;
        InputStream in = verifying(corrupt, RIGHT);
        byte[] buffer = new byte[CONTENT.length];
        assertThat(in.readNBytes(buffer, 0, buffer.length)).as("all bytes are delivered before the check").isEqualTo(CONTENT.length);
        assertThatThrownBy(in::read).isInstanceOf(IOException.class)
                .hasMessageContaining("oci-layout /x layer " + RIGHT)
                .hasMessageContaining("content is " + DigestVerifyingInputStream.digestOf(corrupt, "sha256"));
    }

    @Test
    void theFailureIsStickySoAReaderThatSwallowedItCannotReadOn() {
        InputStream in = verifying(Arrays.copyOf(CONTENT, 10), RIGHT);
        assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class);
        assertThatThrownBy(in::read).isInstanceOf(IOException.class).hasMessageContaining("digest mismatch");
    }

    @Test
    void theSourceChoosesTheExceptionOfAMismatch() {
        class Tampered extends IOException {
            Tampered(Digest expected, Digest actual) {
                super(expected + " != " + actual);
            }
        }
        InputStream in = new DigestVerifyingInputStream(new ByteArrayInputStream(new byte[] {1}), RIGHT, Tampered::new);
        assertThatThrownBy(in::readAllBytes).isInstanceOf(Tampered.class);
    }

    @Test
    void sha512IsSupportedAndUnknownAlgorithmsRefused() throws Exception {
        Digest sha512 = DigestVerifyingInputStream.digestOf(CONTENT, "sha512");
        assertThat(verifying(CONTENT, sha512).readAllBytes()).isEqualTo(CONTENT);
        assertThatThrownBy(() -> verifying(CONTENT, Digest.parse("md5:abc"))).hasMessageContaining("unsupported digest algorithm");
    }
}
