package dev.layerwatch.engine.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Streams a directory tree as a tar, written by a virtual thread into a pipe. Symlinks are stored as
 * links, never followed, so a link out of the tree cannot pull in the host's files. Unreadable files
 * are left out. A failure of the writer surfaces as an {@link IOException} on the reading side.
 */
final class DirectoryTarStream extends PipedInputStream {

    private volatile IOException failure;

    private DirectoryTarStream() {
        super(1 << 16);
    }

    static InputStream start(Path root) throws IOException {
        DirectoryTarStream in = new DirectoryTarStream();
        PipedOutputStream out = new PipedOutputStream(in);
        Thread.ofVirtual().name("dir-tar " + root).start(() -> {
            try (OutputStream o = out) {
                write(root, o);
            } catch (IOException e) {
                in.failure = e;
            }
        });
        return in;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n < 0 && failure != null) {
            throw new IOException("cannot read directory tree: " + failure.getMessage(), failure);
        }
        return n;
    }

    private static void write(Path root, OutputStream out) throws IOException {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name());
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(root)) {
                    TarArchiveEntry e = new TarArchiveEntry(name(root, dir) + "/");
                    tar.putArchiveEntry(e);
                    tar.closeArchiveEntry();
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String name = name(root, file);
                if (attrs.isSymbolicLink()) {
                    TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
                    e.setLinkName(Files.readSymbolicLink(file).toString());
                    tar.putArchiveEntry(e);
                    tar.closeArchiveEntry();
                } else if (attrs.isRegularFile() && Files.isReadable(file)) {
                    TarArchiveEntry e = new TarArchiveEntry(name);
                    e.setSize(attrs.size());
                    e.setMode(Files.isExecutable(file) ? 0755 : 0644);
                    tar.putArchiveEntry(e);
                    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                        long copied = in.transferTo(tar);
                        if (copied != attrs.size()) {
                            throw new IOException(file + " changed size while being read");
                        }
                    }
                    tar.closeArchiveEntry();
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                return FileVisitResult.CONTINUE;
            }
        });
        tar.finish();
    }

    private static String name(Path root, Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }
}
