package dev.layerwatch.engine.ecosystem.npm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerwatch.engine.catalog.CatalogResult;
import dev.layerwatch.engine.ecosystem.RootfsFixture;
import dev.layerwatch.engine.inventory.Package;
import dev.layerwatch.engine.layer.FileMeta;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NpmCatalogersTest {

    private final NpmPackageJsonCataloger installed = new NpmPackageJsonCataloger();
    private final NpmLockfileCataloger lockfiles = new NpmLockfileCataloger();

    @Test
    void installedPackagesAreThePackageRootsUnderNodeModules() {
        Path root = RootfsFixture.root("npm/installed");
        CatalogResult result = RootfsFixture.scan(root, installed, lockfiles);
        assertThat(result.warnings()).isEmpty();
        assertThat(RootfsFixture.lines(result)).containsExactlyElementsOf(RootfsFixture.expected(root));
        assertThat(result.packages()).noneMatch(Package::declaredOnly);
        assertThat(result.packages()).filteredOn(p -> p.name().equals("debug")).singleElement()
                .satisfies(p -> assertThat(p.locations())
                        .containsExactly("/app/node_modules/express/node_modules/debug/package.json"));
        assertThat(installed.wants(new FileMeta("app/node_modules/@babel/core/lib/package.json", 1, 0644))).isFalse();
        assertThat(installed.wants(new FileMeta("app/package.json", 1, 0644))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"lock-v1", "lock-v3", "yarn-classic", "yarn-berry", "pnpm-v5", "pnpm-v6", "pnpm-v9"})
    void lockFilesGiveDeclaredPackages(String name) {
        Path root = RootfsFixture.root("npm/" + name);
        CatalogResult result = RootfsFixture.scan(root, installed, lockfiles);
        assertThat(result.warnings()).isEmpty();
        assertThat(RootfsFixture.lines(result)).containsExactlyElementsOf(RootfsFixture.expected(root));
        assertThat(result.packages()).allMatch(Package::declaredOnly);
    }

    @Test
    void lockFilesOfDependenciesAreNotTheProjects() {
        assertThat(lockfiles.wants(new FileMeta("app/node_modules/x/package-lock.json", 1, 0644))).isFalse();
        assertThat(lockfiles.wants(new FileMeta("node_modules/x/yarn.lock", 1, 0644))).isFalse();
        assertThat(lockfiles.wants(new FileMeta("app/yarn.lock", 1, 0644))).isTrue();
    }

    @Test
    void corruptFilesWarnEachAndKeepWhatIsReadable() {
        Path root = RootfsFixture.root("npm/corrupt");
        CatalogResult result = RootfsFixture.scan(root, installed, lockfiles);
        assertThat(RootfsFixture.lines(result)).containsExactlyElementsOf(RootfsFixture.expected(root));
        assertThat(result.warnings()).anySatisfy(w -> assertThat(w).startsWith("/app/node_modules/bad/package.json: not valid JSON"));
        assertThat(result.warnings()).anySatisfy(w -> assertThat(w).startsWith("/app/node_modules/noversion/package.json: "));
        assertThat(result.warnings()).anySatisfy(w -> assertThat(w).startsWith("/app/package-lock.json: unreadable"));
        assertThat(result.warnings()).anySatisfy(w -> assertThat(w).startsWith("/app/yarn.lock: line 3"));
        assertThat(result.warnings()).anySatisfy(w -> assertThat(w).startsWith("/app/pnpm-lock.yaml: unreadable"));
    }
}
