package dev.layerwatch.engine.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerwatch.engine.layer.FileMeta;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GenericCatalogerTest {

    private static final class Lines extends GenericCataloger {
        Lines() {
            super("lines", 3);
            withParserByGlobs((file, content) -> CatalogResult.warning("glob " + file.path()), "etc/exact.conf", "**/*.lock", "opt/*/x?.txt");
            withParserWhen(file -> file.path().startsWith("var/") && file.executable(),
                    (file, content) -> CatalogResult.warning("when " + new String(content.readAllBytes(), StandardCharsets.UTF_8)));
        }
    }

    private static FileMeta file(String path, int mode) {
        return new FileMeta(path, 1, mode);
    }

    @Test
    void globsStayWithinAPathElementButDoubleStarSpansDirectories() {
        Lines c = new Lines();
        assertThat(c.name()).isEqualTo("lines");
        assertThat(c.version()).isEqualTo(3);
        assertThat(c.wants(file("etc/exact.conf", 0644))).isTrue();
        assertThat(c.wants(file("etc/exactXconf", 0644))).as("a dot is a dot").isFalse();
        assertThat(c.wants(file("yarn.lock", 0644))).as("**/ may be no directory").isTrue();
        assertThat(c.wants(file("srv/a/b/poetry.lock", 0644))).isTrue();
        assertThat(c.wants(file("opt/app/x1.txt", 0644))).isTrue();
        assertThat(c.wants(file("opt/a/b/x1.txt", 0644))).as("* stays in one element").isFalse();
        assertThat(c.wants(file("opt/app/x12.txt", 0644))).as("? is one character").isFalse();
        assertThat(c.wants(file("var/run.sh", 0755))).isTrue();
        assertThat(c.wants(file("var/run.sh", 0644))).isFalse();
    }

    @Test
    void theFirstMatchingRuleParses() throws Exception {
        Lines c = new Lines();
        assertThat(c.catalog(file("a/b.lock", 0644), new ByteArrayInputStream(new byte[0])).warnings()).containsExactly("glob a/b.lock");
        assertThat(c.catalog(file("var/x.lock", 0755), new ByteArrayInputStream("hi".getBytes(StandardCharsets.UTF_8))).warnings())
                .containsExactly("glob var/x.lock");
        assertThat(c.catalog(file("var/x", 0755), new ByteArrayInputStream("hi".getBytes(StandardCharsets.UTF_8))).warnings())
                .containsExactly("when hi");
        assertThat(c.catalog(file("nothing", 0644), new ByteArrayInputStream(new byte[0]))).isEqualTo(CatalogResult.EMPTY);
        assertThat(GenericCataloger.utf8Lines(new ByteArrayInputStream(new byte[] {'a', (byte) 0xff, 'b'})).readLine()).isEqualTo("a\uFFFDb");
    }
}
