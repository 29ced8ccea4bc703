package dev.layerwatch.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerwatch.common.image.Digest;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DigestVerifyingInputStreamTest {

    private static final byte[] CONTENT = "layer bytes".repeat(1000).getBytes(StandardCharsets.UTF_8);
    private static final Digest RIGHT = DigestVerifyingInputStream.digestOf(CONTENT, "sha256");

    private static InputStream verifying(byte[] bytes, Digest expected) {
        return new DigestVerifyingInputStream(new ByteArrayInputStream(bytes), expected, "r", "team/app", "pull layer " + expected);
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
        assertThat(in.read(buffer, 0, buffer.length)).as("all bytes are delivered before the check").isEqualTo(CONTENT.length);
        assertThatThrownBy(in::read).isInstanceOfSatisfying(RegistryDigestMismatchException.class, e -> {
            assertThat(e.expected()).isEqualTo(RIGHT);
            assertThat(e.actual()).isEqualTo(DigestVerifyingInputStream.digestOf(corrupt, "sha256"));
        }).hasMessageContaining("pull layer " + RIGHT).hasMessageContaining("team/app");
    }

    @Test
    void truncatedStreamIsAMismatch() {
        byte[] truncated = java.util.Arrays.copyOf(CONTENT, CONTENT.length - 1);
        assertThatThrownBy(() -> verifying(truncated, RIGHT).readAllBytes()).isInstanceOf(RegistryDigestMismatchException.class);
    }

    @Test
    void sha512IsSupportedAndUnknownAlgorithmsRefused() throws Exception {
        Digest sha512 = DigestVerifyingInputStream.digestOf(CONTENT, "sha512");
        assertThat(verifying(CONTENT, sha512).readAllBytes()).isEqualTo(CONTENT);
        assertThatThrownBy(() -> verifying(CONTENT, Digest.parse("md5:abc"))).hasMessageContaining("unsupported digest algorithm");
    }
}
