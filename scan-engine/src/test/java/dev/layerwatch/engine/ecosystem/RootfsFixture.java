package dev.layerwatch.engine.ecosystem;

import dev.layerwatch.engine.catalog.CatalogResult;
import dev.layerwatch.engine.catalog.PackageCataloger;
import dev.layerwatch.engine.inventory.Package;
import dev.layerwatch.engine.layer.FileMeta;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A rootfs-shaped fixture under {@code src/test/resources/ecosystem/<eco>/<case>/}, fed file by file to
 * catalogers the way the layer walker does ({@code wants} on the metadata, then {@code catalog} on a
 * stream). {@code expected.txt} at the case root is the expected output, not part of the rootfs.
 */
public final class RootfsFixture {

    public static final String EXPECTED = "expected.txt";

    private RootfsFixture() {
    }

    public static Path root(String ecosystemAndCase) {
        Path root = Path.of("src/test/resources/ecosystem").resolve(ecosystemAndCase);
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("no fixture directory " + root.toAbsolutePath());
        }
        return root;
    }

    /** Every cataloger sees every regular file; results are merged in walk order. */
    public static CatalogResult scan(Path root, PackageCataloger... catalogers) {
        List<Package> packages = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                if (relative.equals(EXPECTED)) {
                    continue;
                }
                FileMeta meta = new FileMeta(relative, Files.size(file), Files.isExecutable(file) ? 0755 : 0644);
                for (PackageCataloger cataloger : catalogers) {
                    if (!cataloger.wants(meta)) {
                        continue;
                    }
                    try (InputStream in = Files.newInputStream(file)) {
                        CatalogResult result = cataloger.catalog(meta, in);
                        packages.addAll(result.packages());
                        warnings.addAll(result.warnings());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CatalogResult(packages, warnings);
    }

    /** {@code name version purl} per package, sorted. */
    public static List<String> lines(CatalogResult result) {
        return result.packages().stream().map(p -> p.name() + " " + p.version() + " " + p.purl()).sorted().toList();
    }

    /** The expected lines of a case, sorted; {@code #} comments and blank lines skipped. */
    public static List<String> expected(Path root) {
        try {
            return Files.readAllLines(root.resolve(EXPECTED)).stream()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
