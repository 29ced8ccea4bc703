package dev.layerwatch.engine.ecosystem.alpine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerwatch.engine.catalog.CatalogResult;
import dev.layerwatch.engine.ecosystem.RootfsFixture;
import dev.layerwatch.engine.inventory.Ecosystem;
import dev.layerwatch.engine.inventory.Package;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ApkDbCatalogerTest {

    private final ApkDbCataloger cataloger = new ApkDbCataloger();

    @Test
    void installedDatabaseWithOriginAsSourcePackage() {
        Path root = RootfsFixture.root("alpine/installed");
        CatalogResult result = RootfsFixture.scan(root, cataloger);
        assertThat(RootfsFixture.lines(result)).containsExactlyElementsOf(RootfsFixture.expected(root));
        assertThat(result.warnings()).isEmpty();
        Package crypto = result.packages().stream().filter(p -> p.name().equals("libcrypto3")).findFirst().orElseThrow();
        assertThat(crypto.sourceName()).isEqualTo("openssl");
        assertThat(crypto.ecosystem()).isEqualTo(Ecosystem.APK);
        assertThat(crypto.locations()).containsExactly("/lib/apk/db/installed");
    }

    @Test
    void corruptDatabaseWarnsAndKeepsTheReadableStanzas() {
        Path root = RootfsFixture.root("alpine/corrupt");
        CatalogResult result = RootfsFixture.scan(root, cataloger);
        assertThat(RootfsFixture.lines(result)).containsExactlyElementsOf(RootfsFixture.expected(root));
        assertThat(result.warnings()).hasSize(4)
                .allSatisfy(w -> assertThat(w).startsWith("/lib/apk/db/installed: "));
    }
}
