package dev.layerwatch.testkit.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Turns a rootfs-shaped directory into a layer tar, reproducibly: entries sorted by path, one fixed mtime,
 * owner 0:0, modes 0755/0644 (0755 for executable files). Whiteouts are ordinary empty files in the fixture
 * ({@code .wh.name}, {@code .wh..wh..opq}) and go into the tar as they are, which is what a layer holds.
 */
final class LayerTarBuilder {

    /** The mtime of every entry, the one shared/tools/real-registry clamps to as well. */
    static final Instant FIXED_MTIME = Instant.parse("2024-06-01T00:00:00Z");

    private LayerTarBuilder() {
    }

    static byte[] tar(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException("layer fixture " + root + " is not a directory");
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.filter(p -> !p.equals(root)).sorted((a, b) -> name(root, a).compareTo(name(root, b))).toList();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Path path : paths) {
                String name = name(root, path);
                TarArchiveEntry entry;
                if (Files.isSymbolicLink(path)) {
                    entry = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
                    entry.setLinkName(Files.readSymbolicLink(path).toString());
                    entry.setMode(0120777);
                } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    entry = new TarArchiveEntry(name + "/");
                    entry.setMode(040755);
                } else {
                    entry = new TarArchiveEntry(name);
                    entry.setMode(Files.isExecutable(path) ? 0100755 : 0100644);
                    entry.setSize(Files.size(path));
                }
                entry.setLastModifiedTime(FileTime.from(FIXED_MTIME));
                entry.setUserId(0);
                entry.setGroupId(0);
                entry.setUserName("root");
                entry.setGroupName("root");
                tar.putArchiveEntry(entry);
                if (entry.isFile()) {
                    try {
                        Files.copy(path, tar);
                    } catch (IOException e) {
                        throw new UncheckedIOException("reading layer fixture file " + path + " failed", e);
                    }
                }
                tar.closeArchiveEntry();
            }
            tar.finish();
        }
        return bytes.toByteArray();
    }

    private static String name(Path root, Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }
}
