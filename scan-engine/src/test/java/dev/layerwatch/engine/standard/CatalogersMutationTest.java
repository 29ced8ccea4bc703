package dev.layerwatch.engine.standard;

import static org.assertj.core.api.Assertions.assertThatCode;

import dev.layerwatch.engine.catalog.PackageCataloger;
import dev.layerwatch.engine.layer.FileMeta;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Hostile input: every fixture file a cataloger wants, damaged in seeded random ways (bytes overwritten,
 * cut short, a region zeroed), must give a result, never an exception. The seed is fixed so a failure
 * reproduces.
 */
class CatalogersMutationTest {

    private static final int MUTATIONS_PER_FILE = 12;

    @Test
    void damagedFixtureFilesNeverThrow() throws IOException {
        Random random = new Random(20261122L);
        List<PackageCataloger> catalogers = Catalogers.all();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("src/test/resources/ecosystem"))) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            byte[] original = Files.readAllBytes(file);
            String path = caseRelative(file);
            FileMeta meta = new FileMeta(path, original.length, Files.isExecutable(file) ? 0755 : 0644);
            for (PackageCataloger cataloger : catalogers) {
                if (!cataloger.wants(meta)) {
                    continue;
                }
                for (int i = 0; i < MUTATIONS_PER_FILE; i++) {
                    byte[] damaged = mutate(original, random);
                    FileMeta damagedMeta = new FileMeta(path, damaged.length, meta.mode());
                    assertThatCode(() -> cataloger.catalog(damagedMeta, new ByteArrayInputStream(damaged)))
                            .as("%s on %s, mutation %d", cataloger.name(), file, i)
                            .doesNotThrowAnyException();
                }
            }
        }
    }

    /** The path inside its case directory, as the walker would give it: ecosystem/<eco>/<case>/<path>. */
    private static String caseRelative(Path file) {
        Path relative = Path.of("src/test/resources/ecosystem").relativize(file);
        return relative.getNameCount() > 2 ? relative.subpath(2, relative.getNameCount()).toString() : relative.toString();
    }

    private static byte[] mutate(byte[] original, Random random) {
        if (original.length == 0) {
            return original;
        }
        byte[] out = original.clone();
        switch (random.nextInt(3)) {
            case 0 -> {
                for (int n = 1 + random.nextInt(16); n > 0; n--) {
                    out[random.nextInt(out.length)] = (byte) random.nextInt(256);
                }
            }
            case 1 -> out = Arrays.copyOf(out, random.nextInt(out.length));
            default -> {
                int from = random.nextInt(out.length);
                Arrays.fill(out, from, Math.min(out.length, from + 1 + random.nextInt(4096)), (byte) 0);
            }
        }
        return out;
    }
}
