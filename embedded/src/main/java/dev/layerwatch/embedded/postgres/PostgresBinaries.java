package dev.layerwatch.embedded.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** Where a PostgreSQL installation's {@code initdb} and {@code postgres} are; Debian lays them out per major version. */
record PostgresBinaries(Path bin, int major) {

    static final Path DEBIAN_ROOT = Path.of("/usr/lib/postgresql");

    Path initdb() {
        return bin.resolve("initdb");
    }

    Path postgres() {
        return bin.resolve("postgres");
    }

    /** The newest Debian installation under {@code /usr/lib/postgresql}, if any. */
    static Optional<PostgresBinaries> debian() {
        return under(DEBIAN_ROOT);
    }

    static Optional<PostgresBinaries> under(Path root) {
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions
                    .filter(dir -> dir.getFileName().toString().matches("\\d+"))
                    .map(dir -> new PostgresBinaries(dir.resolve("bin"), Integer.parseInt(dir.getFileName().toString())))
                    .filter(b -> Files.isExecutable(b.initdb()) && Files.isExecutable(b.postgres()))
                    .max(Comparator.comparingInt(PostgresBinaries::major));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list PostgreSQL installations in " + root, e);
        }
    }
}
