package dev.layerwatch.engine.layer;

import com.github.luben.zstd.ZstdOutputStream;
import dev.layerwatch.common.image.Digest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Builds layer tars in memory for tests: regular files, links, whiteouts, hostile names, any compression. */
public final class TarLayerBuilder {

    private interface Step {
        void write(TarArchiveOutputStream tar) throws IOException;
    }

    /** Fixed so that two builds of the same layer have the same diff id. */
    private static final long FIXED_TIME = 1_700_000_000_000L;

    private final List<Step> steps = new ArrayList<>();

    public TarLayerBuilder file(String name, String content) {
        return file(name, content.getBytes(StandardCharsets.UTF_8), 0644);
    }

    public TarLayerBuilder file(String name, byte[] content, int mode) {
        steps.add(tar -> {
            TarArchiveEntry e = new TarArchiveEntry(name, true);
            e.setSize(content.length);
            e.setMode(mode);
            e.setModTime(FIXED_TIME);
            tar.putArchiveEntry(e);
            tar.write(content);
            tar.closeArchiveEntry();
        });
        return this;
    }

    /** A file of {@code size} zero bytes, written without holding it in memory. */
    public TarLayerBuilder zeros(String name, long size) {
        steps.add(tar -> {
            TarArchiveEntry e = new TarArchiveEntry(name, true);
            e.setSize(size);
            e.setModTime(FIXED_TIME);
            tar.putArchiveEntry(e);
            byte[] chunk = new byte[1 << 16];
            for (long left = size; left > 0; left -= chunk.length) {
                tar.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
            tar.closeArchiveEntry();
        });
        return this;
    }

    public TarLayerBuilder dir(String name) {
        steps.add(tar -> {
            TarArchiveEntry e = new TarArchiveEntry(name.endsWith("/") ? name : name + "/", true);
            e.setModTime(FIXED_TIME);
            tar.putArchiveEntry(e);
            tar.closeArchiveEntry();
        });
        return this;
    }

    public TarLayerBuilder symlink(String name, String target) {
        return link(name, target, TarConstants.LF_SYMLINK);
    }

    public TarLayerBuilder hardlink(String name, String target) {
        return link(name, target, TarConstants.LF_LINK);
    }

    private TarLayerBuilder link(String name, String target, byte type) {
        steps.add(tar -> {
            TarArchiveEntry e = new TarArchiveEntry(name, type, true);
            e.setLinkName(target);
            e.setModTime(FIXED_TIME);
            tar.putArchiveEntry(e);
            tar.closeArchiveEntry();
        });
        return this;
    }

    /** {@code dir/.wh.name}: deletes {@code dir/name} from lower layers. */
    public TarLayerBuilder whiteout(String path) {
        int slash = path.lastIndexOf('/');
        String wh = slash < 0 ? ".wh." + path : path.substring(0, slash + 1) + ".wh." + path.substring(slash + 1);
        return file(wh, new byte[0], 0644);
    }

    public TarLayerBuilder opaque(String dir) {
        return file(dir.isEmpty() ? ".wh..wh..opq" : dir + "/.wh..wh..opq", new byte[0], 0644);
    }

    /** Adds every file, directory and symlink under {@code root}, named relative to it. */
    public TarLayerBuilder tree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted().toList()) {
                String name = root.relativize(p).toString().replace('\\', '/');
                if (name.isEmpty()) {
                    continue;
                }
                if (Files.isSymbolicLink(p)) {
                    symlink(name, Files.readSymbolicLink(p).toString());
                } else if (Files.isDirectory(p)) {
                    dir(name);
                } else {
                    file(name, Files.readAllBytes(p), 0644);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public byte[] tar() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeTar(out);
        return out.toByteArray();
    }

    public byte[] gzip() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            writeTar(gz);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public byte[] zstd() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZstdOutputStream z = new ZstdOutputStream(out)) {
            writeTar(z);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public void writeTar(OutputStream out) {
        try {
            TarArchiveOutputStream tar = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name());
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Step s : steps) {
                s.write(tar);
            }
            tar.finish();
            tar.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Digest sha256(byte[] bytes) {
        try {
            return Digest.sha256(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
