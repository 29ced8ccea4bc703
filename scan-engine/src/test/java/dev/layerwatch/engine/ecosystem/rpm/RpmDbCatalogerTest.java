package dev.layerwatch.engine.ecosystem.rpm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerwatch.engine.catalog.CatalogResult;
import dev.layerwatch.engine.ecosystem.RootfsFixture;
import dev.layerwatch.engine.inventory.Package;
import dev.layerwatch.engine.layer.FileMeta;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RpmDbCatalogerTest {

    private final RpmDbCataloger cataloger = new RpmDbCataloger();

    /** rpmdb.sqlite written by rpm 4.18 itself (WAL mode, as on Fedora/RHEL 9). */
    @Test
    void sqliteDatabaseWrittenByRpm() {
        assertCase("rpm/sqlite");
    }

    /** A real Berkeley DB hash file written by libdb 5.3, read back by rpm's bdb_ro backend. */
    @Test
    void berkeleyDbWrittenByLibdb() {
        assertCase("rpm/bdb");
    }

    @Test
    void berkeleyDbWithOverflowChainsAcrossSmallPages() {
        assertCase("rpm/bdb-small-pages");
    }

    /** No ndb writer is available here: the file is packed by {@link #ndb} from real rpm header blobs. */
    @Test
    void ndbPackagesDbPackedFromRealHeaderBlobs() throws Exception {
        Path blobs = RootfsFixture.root("rpm/header-blobs");
        List<byte[]> headers = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            headers.add(Files.readAllBytes(blobs.resolve(i + ".bin")));
        }
        byte[] db = ndb(headers);
        FileMeta meta = new FileMeta("usr/lib/sysimage/rpm/Packages.db", db.length, 0644);
        assertThat(cataloger.wants(meta)).isTrue();
        CatalogResult result = cataloger.catalog(meta, new ByteArrayInputStream(db));
        assertThat(result.warnings()).isEmpty();
        assertThat(RootfsFixture.lines(result)).containsExactlyElementsOf(RootfsFixture.expected(blobs));
    }

    @Test
    void corruptDatabasesWarnAndKeepWhatIsReadable() {
        Path root = RootfsFixture.root("rpm/corrupt");
        CatalogResult result = RootfsFixture.scan(root, cataloger);
        assertThat(RootfsFixture.lines(result)).containsExactlyElementsOf(RootfsFixture.expected(root));
        assertThat(result.warnings()).anySatisfy(w -> assertThat(w).startsWith("/var/lib/rpm/Packages: ")
                .contains("overflow chain"));
        assertThat(result.warnings()).anySatisfy(w -> assertThat(w).startsWith("/var/lib/rpm/rpmdb.sqlite: "));
        assertThat(result.warnings()).anySatisfy(w -> assertThat(w)
                .startsWith("/usr/lib/sysimage/rpm/Packages.db: not a readable rpm database"));
    }

    @Test
    void wantsOnlyTheDatabaseFilesInTheKnownDirectories() {
        assertThat(cataloger.wants(new FileMeta("var/lib/rpm/Packages", 1, 0644))).isTrue();
        assertThat(cataloger.wants(new FileMeta("usr/lib/sysimage/rpm/rpmdb.sqlite", 1, 0644))).isTrue();
        assertThat(cataloger.wants(new FileMeta("var/lib/rpm/Name", 1, 0644))).isFalse();
        assertThat(cataloger.wants(new FileMeta("home/x/var/lib/rpm/Packages", 1, 0644))).isFalse();
        assertThat(cataloger.wants(new FileMeta("Packages", 1, 0644))).isFalse();
    }

    @Test
    void sourcePackageAndLocation() {
        CatalogResult result = RootfsFixture.scan(RootfsFixture.root("rpm/sqlite"), cataloger);
        Package devel = result.packages().stream().filter(p -> p.name().equals("tinylib-devel")).findFirst().orElseThrow();
        assertThat(devel.sourceName()).isEqualTo("tinylib");
        assertThat(devel.locations()).containsExactly("/var/lib/rpm/rpmdb.sqlite");
        assertThat(devel.layer()).isNull();
    }

    private void assertCase(String name) {
        Path root = RootfsFixture.root(name);
        CatalogResult result = RootfsFixture.scan(root, cataloger);
        assertThat(result.warnings()).isEmpty();
        assertThat(RootfsFixture.lines(result)).containsExactlyElementsOf(RootfsFixture.expected(root));
    }

    /** Lays out an ndb file the way rpm's rpmpkg.c does: header and slots in page 0, 16-byte-block blobs after. */
    static byte[] ndb(List<byte[]> headers) {
        int page = 4096;
        int size = page;
        for (byte[] h : headers) {
            size += blocks(h.length) * 16;
        }
        ByteBuffer buf = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(0, "RpmP".getBytes()).putInt(4, 0).putInt(8, 1).putInt(12, 1).putInt(16, headers.size() + 1);
        for (int slot = 2; slot < page / 16; slot++) {
            buf.put(slot * 16, "Slot".getBytes());
        }
        int block = page / 16;
        for (int i = 0; i < headers.size(); i++) {
            byte[] h = headers.get(i);
            int count = blocks(h.length);
            int slot = (2 + i) * 16;
            buf.putInt(slot + 4, i + 1).putInt(slot + 8, block).putInt(slot + 12, count);
            int at = block * 16;
            buf.put(at, "BlbS".getBytes()).putInt(at + 4, i + 1).putInt(at + 8, 0).putInt(at + 12, h.length);
            buf.put(at + 16, h);
            int tail = at + count * 16 - 12;
            buf.putInt(tail, 0).putInt(tail + 4, h.length).put(tail + 8, "BlbE".getBytes());
            block += count;
        }
        return buf.array();
    }

    private static int blocks(int length) {
        return (16 + length + 12 + 15) / 16;
    }
}
