package dev.layerwatch.engine.ecosystem.golang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerwatch.engine.catalog.CatalogResult;
import dev.layerwatch.engine.ecosystem.RootfsFixture;
import dev.layerwatch.engine.layer.FileMeta;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class GoBinaryCatalogerTest {

    private static final String MOD_INFO = "path\texample.com/tool\nmod\texample.com/tool\tv1.0.0\th1:x=\n"
            + "dep\tgolang.org/x/text\tv0.3.7\th1:y=\n"
            + "dep\tgithub.com/old/lib\tv1.1.0\th1:z=\n=>\tgithub.com/new/lib\tv1.2.0\th1:w=\n";

    private final GoBinaryCataloger cataloger = new GoBinaryCataloger();

    @Test
    void realGoBinaryBuiltWithGo119() {
        Path root = RootfsFixture.root("golang/binary");
        CatalogResult result = RootfsFixture.scan(root, cataloger);
        assertThat(result.warnings()).isEmpty();
        assertThat(RootfsFixture.lines(result)).containsExactlyElementsOf(RootfsFixture.expected(root));
        assertThat(result.packages()).allSatisfy(p -> assertThat(p.locations()).containsExactly("/usr/local/bin/hello"));
    }

    @Test
    void corruptBuildInfoWarns() {
        Path root = RootfsFixture.root("golang/corrupt");
        CatalogResult result = RootfsFixture.scan(root, cataloger);
        assertThat(result.packages()).isEmpty();
        assertThat(result.warnings()).singleElement().asString()
                .startsWith("/usr/local/bin/cut-off: Go build information unreadable: ")
                .contains("runs past the file");
    }

    /**
     * The pre-1.18 layout: two pointers to Go string headers, resolved through a PT_LOAD segment. The
     * Go build ID note sends the file down the spooled (random access) route.
     */
    @Test
    void pointerFormatInASyntheticElf() throws IOException {
        byte[] elf = pointerFormatElf(MOD_INFO, true);
        CatalogResult result = cataloger.catalog(new FileMeta("bin/tool", elf.length, 0755), new ByteArrayInputStream(elf));
        assertThat(result.warnings()).isEmpty();
        assertThat(RootfsFixture.lines(result)).containsExactly(
                "example.com/tool v1.0.0 pkg:golang/example.com/tool@v1.0.0",
                "github.com/new/lib v1.2.0 pkg:golang/github.com/new/lib@v1.2.0",
                "golang.org/x/text v0.3.7 pkg:golang/golang.org/x/text@v0.3.7",
                "stdlib 1.16.15 pkg:golang/stdlib@1.16.15");
    }

    @Test
    void pointerFormatWithoutBuildIdCannotBeReadFromTheStream() throws IOException {
        byte[] elf = pointerFormatElf(MOD_INFO, false);
        CatalogResult result = cataloger.catalog(new FileMeta("bin/tool", elf.length, 0755), new ByteArrayInputStream(elf));
        assertThat(result.packages()).isEmpty();
        assertThat(result.warnings()).singleElement().asString().contains("pre-Go 1.18");
    }

    /** No build ID marker: the streamed route, with the block straddling the end of the first window. */
    @Test
    void inlineFormatFoundInPeAndMachOImagesToo() throws IOException {
        for (byte[] magic : new byte[][] {{'M', 'Z', 0, 0}, {(byte) 0xcf, (byte) 0xfa, (byte) 0xed, (byte) 0xfe}}) {
            byte[] image = inlineImage(magic, (256 << 10) - 16, "go1.22.1", MOD_INFO);
            CatalogResult result = cataloger.catalog(new FileMeta("app.exe", image.length, 0644),
                    new ByteArrayInputStream(image));
            assertThat(result.warnings()).isEmpty();
            assertThat(result.packages()).extracting(p -> p.name() + "@" + p.version()).containsExactly(
                    "example.com/tool@v1.0.0", "golang.org/x/text@v0.3.7", "github.com/new/lib@v1.2.0",
                    "stdlib@1.22.1");
        }
    }

    /**
     * The real Go binary with its build ID note and text marker blanked out: it takes the route of Go
     * programs linked without build ID, where only the first 64 KiB of the data segment are read.
     */
    @Test
    void realGoBinaryWithoutBuildIdIsFoundAtTheStartOfItsDataSegment() throws IOException {
        Path root = RootfsFixture.root("golang/binary");
        byte[] hello = java.nio.file.Files.readAllBytes(root.resolve("usr/local/bin/hello"));
        byte[] blanked = blank(blank(hello, "\u00ff Go build ID: \""), "Go\0\0");
        assertThat(GoBuildInfoReader.hasBuildIdMarker(java.util.Arrays.copyOf(blanked, GoBinaryCataloger.HEAD))).isFalse();
        ByteArrayInputStream in = new ByteArrayInputStream(blanked);
        CatalogResult result = cataloger.catalog(new FileMeta("usr/local/bin/hello", blanked.length, 0755), in);
        assertThat(result.warnings()).isEmpty();
        assertThat(RootfsFixture.lines(result)).containsExactlyElementsOf(RootfsFixture.expected(root));
    }

    /** New behaviour (as Go's debug/buildinfo): past the data segment's first 64 KiB nothing is looked for. */
    @Test
    void elfWithoutBuildIdIsSearchedOnlyAtTheStartOfItsDataSegment() throws IOException {
        int data = 0x10000;
        byte[] near = elfWithDataSegment(data, data + 0x100);
        CatalogResult found = cataloger.catalog(new FileMeta("bin/tool", near.length, 0755), new ByteArrayInputStream(near));
        assertThat(found.packages()).extracting(p -> p.name() + "@" + p.version()).contains("example.com/tool@v1.0.0", "stdlib@1.22.1");

        byte[] far = elfWithDataSegment(data, data + GoElfDataSegment.SEARCH_BYTES + 0x100);
        ByteArrayInputStream in = new ByteArrayInputStream(far);
        CatalogResult missed = cataloger.catalog(new FileMeta("bin/tool", far.length, 0755), in);
        assertThat(missed.packages()).isEmpty();
        assertThat(missed.warnings()).isEmpty();
        assertThat(in.available()).isEqualTo(far.length - data - GoElfDataSegment.SEARCH_BYTES);
    }

    private static byte[] blank(byte[] image, String marker) {
        byte[] copy = image.clone();
        String text = new String(copy, StandardCharsets.ISO_8859_1);
        for (int at = text.indexOf(marker); at >= 0 && at < GoBinaryCataloger.HEAD; at = text.indexOf(marker, at + 1)) {
            java.util.Arrays.fill(copy, at, at + marker.length(), (byte) 'x');
        }
        return copy;
    }

    /** ELF64 LE with a text PT_LOAD (R+X) at 0 and a data PT_LOAD (RW) at {@code data}; inline build info at {@code at}. */
    private static byte[] elfWithDataSegment(int data, int at) {
        byte[] inline = inlineImage(new byte[4], 0, "go1.22.1", MOD_INFO);
        int size = Math.max(data + GoElfDataSegment.SEARCH_BYTES * 2, at + inline.length);
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.put(0, new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1});
        b.putLong(0x20, 0x40).putShort(0x36, (short) 56).putShort(0x38, (short) 2);
        b.putInt(0x40, 1).putInt(0x44, 5).putLong(0x48, 0).putLong(0x50, 0x400000).putLong(0x60, data).putLong(0x68, data);
        b.putInt(0x78, 1).putInt(0x7c, 6).putLong(0x80, data).putLong(0x88, 0x400000 + data)
                .putLong(0x98, size - data).putLong(0xa0, size - data);
        b.put(at, inline, 0, 32 + 2 + 8 + 2 + MOD_INFO.length() + 32 + 1);
        return b.array();
    }

    @Test
    void streamedBlockCutShortWarns() throws IOException {
        byte[] image = inlineImage(new byte[] {'M', 'Z', 0, 0}, 4096, "go1.22.1", MOD_INFO);
        byte[] cut = java.util.Arrays.copyOf(image, 4096 + 32 + 40);
        CatalogResult result = cataloger.catalog(new FileMeta("app.exe", cut.length, 0644), new ByteArrayInputStream(cut));
        assertThat(result.packages()).isEmpty();
        assertThat(result.warnings()).singleElement().asString().contains("runs past the file");
    }

    @Test
    void nonBinariesAreDroppedAfterFourBytes() throws IOException {
        byte[] script = "#!/bin/sh\n".repeat(20).getBytes(StandardCharsets.UTF_8);
        ByteArrayInputStream in = new ByteArrayInputStream(script);
        assertThat(cataloger.catalog(new FileMeta("bin/s", script.length, 0755), in).packages()).isEmpty();
        assertThat(in.available()).isEqualTo(script.length - 4);
    }

    @Test
    void wantsExecutablesWithinTheSizeCap() {
        assertThat(cataloger.wants(new FileMeta("usr/bin/x", 4096, 0755))).isTrue();
        assertThat(cataloger.wants(new FileMeta("usr/share/x.txt", 4096, 0644))).isFalse();
        assertThat(cataloger.wants(new FileMeta("usr/local/bin/copied-without-mode", 4096, 0644))).isTrue();
        assertThat(cataloger.wants(new FileMeta("usr/lib/libx.so.1", 4096, 0755))).isFalse();
        assertThat(cataloger.wants(new FileMeta("usr/bin/huge", GoBinaryCataloger.MAX_SIZE + 1, 0755))).isFalse();
        assertThat(GoBinaryCataloger.toolchainVersion("go1.21.5 X:boringcrypto")).isEqualTo("1.21.5");
        assertThat(GoBinaryCataloger.toolchainVersion("devel go1.23-abc")).isNull();
    }

    private static byte[] inlineImage(byte[] magic, int at, String version, String modInfo) {
        byte[] v = version.getBytes(StandardCharsets.UTF_8);
        byte[] m = ("0123456789abcdef" + modInfo + "fedcba9876543210").getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(at + 32 + 2 + v.length + 2 + m.length + 64 * 1024);
        b.put(magic).position(at);
        b.put("\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1)).put((byte) 8).put((byte) 2);
        b.position(at + 32);
        varint(b, v.length).put(v);
        varint(b, m.length).put(m);
        return b.array();
    }

    private static ByteBuffer varint(ByteBuffer b, int value) {
        while (value >= 0x80) {
            b.put((byte) (value & 0x7f | 0x80));
            value >>>= 7;
        }
        return b.put((byte) value);
    }

    /** ELF64 LE: one PT_LOAD mapping the whole file at 0x400000; build info at 0x100 with pointers. */
    private static byte[] pointerFormatElf(String modInfo, boolean buildIdNote) {
        long base = 0x400000;
        byte[] version = "go1.16.15".getBytes(StandardCharsets.UTF_8);
        byte[] mod = ("0123456789abcdef" + modInfo + "fedcba9876543210").getBytes(StandardCharsets.UTF_8);
        int versionHeader = 0x140;
        int modHeader = 0x150;
        int versionData = 0x160;
        int modData = versionData + version.length;
        ByteBuffer b = ByteBuffer.allocate(modData + mod.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(0, new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1});
        b.putLong(0x20, 0x40).putShort(0x36, (short) 56).putShort(0x38, (short) 1);
        b.putInt(0x40, 1).putLong(0x48, 0).putLong(0x50, base).putLong(0x60, b.capacity()).putLong(0x68, b.capacity());
        if (buildIdNote) {
            b.putInt(0x80, 4).putInt(0x84, 4).putInt(0x88, 4).put(0x8c, new byte[] {'G', 'o', 0, 0, 'a', 'b', 'c', 'd'});
        }
        b.put(0x100, "\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1)).put(0x10e, (byte) 8).put(0x10f, (byte) 0);
        b.putLong(0x110, base + versionHeader).putLong(0x118, base + modHeader);
        b.putLong(versionHeader, base + versionData).putLong(versionHeader + 8, version.length);
        b.putLong(modHeader, base + modData).putLong(modHeader + 8, mod.length);
        b.put(versionData, version).put(modData, mod);
        return b.array();
    }
}
