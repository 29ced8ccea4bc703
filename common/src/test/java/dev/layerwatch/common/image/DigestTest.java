package dev.layerwatch.common.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DigestTest {

    private static final String SHA256 = "sha256:" + "0123456789abcdef".repeat(4);

    @Test
    void parsesAndPrintsBack() {
        Digest d = Digest.parse(SHA256);
        assertThat(d.algorithm()).isEqualTo("sha256");
        assertThat(d.hex()).hasSize(64);
        assertThat(d.toString()).isEqualTo(SHA256);
        assertThat(d.shortHex()).isEqualTo("0123456789ab");
        assertThat(Digest.parse("sha512:" + "ff".repeat(64)).hex()).hasSize(128);
        assertThat(Digest.parse("multihash+base58:QmRZxt2b1FVZPNqd8hsiykDL3TdBDeTSPX9Kv46HmX4Gx8").algorithm())
                .as("an algorithm the registry spec allows but that we do not know").isEqualTo("multihash+base58");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "sha256", "sha256:", ":abc", "SHA256:" + "00", "sha256:" + "0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef",
        "sha256:abc", "sha512:ff", "sha256:gggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggg", "md5:a b"})
    void rejectsWhatIsNotADigestAndSaysWhy(String text) {
        assertThatThrownBy(() -> Digest.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid");
        assertThat(Digest.isDigest(text)).isFalse();
    }

    @Test
    void sha256OfRawBytesAndOrdering() throws Exception {
        byte[] raw = MessageDigest.getInstance("SHA-256").digest("hello".getBytes(StandardCharsets.UTF_8));
        assertThat(Digest.sha256(raw).toString())
                .isEqualTo("sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
        assertThat(Digest.parse("sha256:" + "00".repeat(32))).isLessThan(Digest.parse("sha256:" + "01".repeat(32)));
        assertThat(Digest.isDigest(SHA256)).isTrue();
    }
}
