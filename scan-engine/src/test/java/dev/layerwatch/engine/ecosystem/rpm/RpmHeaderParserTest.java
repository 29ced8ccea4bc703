package dev.layerwatch.engine.ecosystem.rpm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerwatch.engine.catalog.CatalogResult;
import dev.layerwatch.engine.ecosystem.RootfsFixture;
import dev.layerwatch.engine.layer.FileMeta;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class RpmHeaderParserTest {

    @Test
    void readsTheIdentifyingTagsOfARealHeader() throws Exception {
        byte[] blob = Files.readAllBytes(RootfsFixture.root("rpm/header-blobs").resolve("1.bin"));
        RpmHeader header = RpmHeaderParser.parse(blob);
        assertThat(header).isEqualTo(new RpmHeader("tinyhello", 2, "1.2.3", "4.el9", "x86_64",
                "tinyhello-1.2.3-4.el9.src.rpm"));
        assertThat(header.evr()).isEqualTo("2:1.2.3-4.el9");
        assertThat(header.sourceName()).isEqualTo("tinyhello");
    }

    @Test
    void sourceNameKeepsDashesOfTheName() {
        RpmHeader h = new RpmHeader("python3-libs", null, "3.9.18", "1.el9", "x86_64", "python3.9-3.9.18-1.el9.src.rpm");
        assertThat(h.sourceName()).isEqualTo("python3.9");
        assertThat(new RpmHeader("x", null, "1", "1", null, "glibc-2.34-100.el9_4.2.src.rpm").sourceName())
                .isEqualTo("glibc");
        assertThat(new RpmHeader("x", null, "1", "1", null, null).sourceName()).isNull();
    }

    @Test
    void gpgPubkeyPseudoPackagesAreSkipped() throws Exception {
        byte[] pubkey = header(List.of("gpg-pubkey", "fd431d51", "4ae0493b"));
        byte[] real = Files.readAllBytes(RootfsFixture.root("rpm/header-blobs").resolve("2.bin"));
        byte[] db = RpmDbCatalogerTest.ndb(List.of(pubkey, real));
        CatalogResult result = new RpmDbCataloger().catalog(
                new FileMeta("var/lib/rpm/Packages.db", db.length, 0644), new ByteArrayInputStream(db));
        assertThat(result.warnings()).isEmpty();
        assertThat(result.packages()).extracting(p -> p.name()).containsExactly("tinylib-devel");
    }

    @Test
    void corruptBlobsAreRejectedWithTheReason() throws Exception {
        byte[] blob = Files.readAllBytes(RootfsFixture.root("rpm/header-blobs").resolve("1.bin"));
        byte[] truncated = java.util.Arrays.copyOf(blob, 200);
        assertThatThrownBy(() -> RpmHeaderParser.parse(truncated))
                .isInstanceOf(RpmDbFormatException.class).hasMessageContaining("more than its 200 bytes");
        assertThatThrownBy(() -> RpmHeaderParser.parse(new byte[] {0, 0}))
                .isInstanceOf(RpmDbFormatException.class).hasMessageContaining("too short");
        byte[] badOffset = header(List.of("n", "1", "1"));
        ByteBuffer.wrap(badOffset).putInt(8 + 8, 9999);
        assertThatThrownBy(() -> RpmHeaderParser.parse(badOffset))
                .isInstanceOf(RpmDbFormatException.class).hasMessageContaining("outside");
    }

    /** A minimal header blob with NAME, VERSION, RELEASE as STRING entries. */
    private static byte[] header(List<String> nameVersionRelease) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        ByteBuffer index = ByteBuffer.allocate(3 * 16);
        for (int i = 0; i < 3; i++) {
            index.putInt(1000 + i).putInt(6).putInt(data.size()).putInt(1);
            data.writeBytes(nameVersionRelease.get(i).getBytes(StandardCharsets.UTF_8));
            data.write(0);
        }
        ByteBuffer blob = ByteBuffer.allocate(8 + 48 + data.size());
        blob.putInt(3).putInt(data.size()).put(index.array()).put(data.toByteArray());
        return blob.array();
    }
}
