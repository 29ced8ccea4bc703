package dev.layerwatch.engine.layer;

import dev.layerwatch.common.image.Digest;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Walks one layer blob in a single pass: sniff the compression, inflate, walk the tar, clean each
 * path, report whiteouts, hand wanted files to the visitor and skip the rest unread, and verify the
 * diff id over the decompressed bytes. A cap or a suspicious entry is a warning; a stream that
 * cannot be read to its end is a {@link LayerReadException}.
 */
public final class LayerReader {

    private static final String WHITEOUT = ".wh.";
    private static final String OPAQUE = ".wh..wh..opq";
    private static final int RAW_BUFFER = 1 << 17;
    private static final int SKIP_BUFFER = 1 << 17;
    private static final int TAR_RECORD = 512;

    private final LayerLimits limits;

    public LayerReader(LayerLimits limits) {
        this.limits = limits;
    }

    /**
     * @param name           the layer as messages name it (its digest)
     * @param blob           the layer as stored; not closed here
     * @param expectedDiffId the config's diff id for this layer, or null when unknown
     */
    public LayerReadSummary read(String name, InputStream blob, Digest expectedDiffId, LayerEntryVisitor visitor)
            throws LayerReadException {
        LayerWarnings warnings = new LayerWarnings(limits.maxWarnings());
        RawCounter raw = new RawCounter(blob);
        BufferedInputStream buffered = new BufferedInputStream(raw, RAW_BUFFER);
        LayerCompression compression;
        InflateAhead inflated;
        try {
            compression = LayerCompression.sniff(buffered);
            inflated = new InflateAhead(
                    new InflateMeter(compression.open(buffered), compression == LayerCompression.NONE ? null : raw, limits));
        } catch (IOException e) {
            throw new LayerReadException("layer " + name + ": cannot open the compressed stream: " + e.getMessage(), e);
        }
        long entries = 0;
        byte[] digest;
        try {
            TarArchiveInputStream tar = new TarArchiveInputStream(inflated, 10240, 512, StandardCharsets.UTF_8.name(), true);
            TarArchiveEntry entry;
            byte[] skipBuffer = new byte[SKIP_BUFFER];
            long lastDataEnd = -1;
            while ((entry = nextEntry(name, tar, inflated, lastDataEnd, warnings)) != null) {
                entries++;
                if (entries > limits.maxEntries()) {
                    warnings.add("layer " + name + ": stopped after " + limits.maxEntries() + " entries (tar bomb?)");
                    return new LayerReadSummary(compression, null, false, false, entries - 1, inflated.count(), warnings.toList());
                }
                visit(name, entry, tar, visitor, warnings);
                skipRest(tar, skipBuffer);
                lastDataEnd = inflated.count();
            }
            inflated.drain();
            // the blob may go on after the compressed stream ends; reading it to its end lets a
            // digest-verifying source check the blob digest
            buffered.transferTo(java.io.OutputStream.nullOutputStream());
            digest = inflated.digest();
        } catch (IOException e) {
            LayerLimitExceededException limit = limitCause(e);
            if (limit != null) {
                warnings.add("layer " + name + ": " + limit.getMessage());
                return new LayerReadSummary(compression, null, false, false, entries, inflated.count(), warnings.toList());
            }
            throw new LayerReadException("layer " + name + ": cannot read " + describe(compression) + " after "
                    + inflated.count() + " bytes (" + entries + " entries): " + e.getMessage(), e);
        } finally {
            inflated.close();
        }
        Digest diffId = Digest.sha256(digest);
        boolean verified = false;
        if (expectedDiffId != null) {
            if (expectedDiffId.equals(diffId)) {
                verified = true;
            } else {
                warnings.add("layer " + name + ": diff id mismatch: the config says " + expectedDiffId
                        + " but the decompressed layer is " + diffId);
            }
        }
        return new LayerReadSummary(compression, diffId, verified, true, entries, inflated.count(), warnings.toList());
    }

    private void visit(String name, TarArchiveEntry entry, TarArchiveInputStream tar, LayerEntryVisitor visitor,
            LayerWarnings warnings) throws IOException {
        LayerPaths.Cleaned cleaned = LayerPaths.clean(entry.getName());
        if (cleaned.refused()) {
            warnings.add("layer " + name + ": entry refused: " + cleaned.note());
            return;
        }
        if (cleaned.note() != null) {
            warnings.add("layer " + name + ": " + cleaned.note());
        }
        String path = cleaned.path();
        if (path.isEmpty()) {
            return;
        }
        String parent = LayerPaths.parent(path);
        String base = path.substring(parent.length() == 0 ? 0 : parent.length() + 1);
        if (base.startsWith(WHITEOUT)) {
            if (base.equals(OPAQUE)) {
                visitor.opaque(parent);
            } else if (base.length() == WHITEOUT.length()) {
                warnings.add("layer " + name + ": invalid whiteout '" + entry.getName() + "' ignored");
            } else {
                visitor.whiteout(LayerPaths.join(parent, base.substring(WHITEOUT.length())));
            }
            return;
        }
        if (entry.isDirectory()) {
            visitor.entry(path, LayerEntryKind.DIRECTORY, null);
        } else if (entry.isSymbolicLink()) {
            visitor.entry(path, LayerEntryKind.SYMLINK, entry.getLinkName());
        } else if (entry.isLink()) {
            LayerPaths.Cleaned target = LayerPaths.clean(entry.getLinkName());
            if (target.refused() || target.path().isEmpty()) {
                warnings.add("layer " + name + ": hard link " + path + " refused: target '" + entry.getLinkName()
                        + "' is outside the image root");
                return;
            }
            visitor.entry(path, LayerEntryKind.HARDLINK, target.path());
        } else if (entry.isFile()) {
            visitor.entry(path, LayerEntryKind.FILE, null);
            readIfWanted(name, path, entry, tar, visitor, warnings);
        } else {
            visitor.entry(path, LayerEntryKind.OTHER, null);
        }
    }

    private void readIfWanted(String name, String path, TarArchiveEntry entry, TarArchiveInputStream tar,
            LayerEntryVisitor visitor, LayerWarnings warnings) throws IOException {
        FileMeta meta = new FileMeta(path, entry.getRealSize(), entry.getMode() & 07777);
        if (!visitor.wants(meta)) {
            return;
        }
        if (meta.size() > limits.maxFileBytes()) {
            warnings.add("layer " + name + ": /" + path + " not read: " + meta.size() + " bytes is over the "
                    + limits.maxFileBytes() + "-byte file cap");
            return;
        }
        visitor.read(meta, new Unclosable(tar));
    }

    /**
     * The next entry, or null at the end. A stream that stops cleanly within the padding after its last
     * entry's data, with no end-of-archive blocks, is read as ended with a warning: umoci 0.4.7's
     * {@code insert} writes such layers, and every byte of every entry in them is there. A stream that
     * stops anywhere else (in a header, in file data, or in the compressed stream) still fails.
     */
    private static TarArchiveEntry nextEntry(String name, TarArchiveInputStream tar, InflateAhead inflated,
            long lastDataEnd, LayerWarnings warnings) throws IOException {
        try {
            return tar.getNextEntry();
        } catch (IOException e) {
            if (lastDataEnd >= 0 && inflated.count() - lastDataEnd < TAR_RECORD && endsCleanly(inflated, e)) {
                warnings.add("layer " + name + ": the tar stream ends without padding or end-of-archive blocks"
                        + " after its last entry; every entry was read");
                return null;
            }
            throw e;
        }
    }

    private static boolean endsCleanly(InflateAhead inflated, IOException original) {
        try {
            return inflated.read() < 0;
        } catch (IOException e) {
            if (e != original) {
                original.addSuppressed(e);
            }
            return false;
        }
    }

    /**
     * Consumes what is left of the current entry in large reads: the tar stream's own skip goes
     * through small scratch buffers, which costs a native inflate call per few kilobytes.
     */
    private static void skipRest(TarArchiveInputStream tar, byte[] buffer) throws IOException {
        while (tar.read(buffer, 0, buffer.length) > 0) {
            // discarded; the stream below still hashes every byte
        }
    }

    private static LayerLimitExceededException limitCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LayerLimitExceededException limit) {
                return limit;
            }
        }
        return null;
    }

    private static String describe(LayerCompression compression) {
        return switch (compression) {
            case GZIP -> "the gzip stream";
            case ZSTD -> "the zstd stream";
            case NONE -> "the tar stream";
        };
    }

    /** The tar stream as a consumer sees it: one file's bytes, and a close that does not end the walk. */
    private static final class Unclosable extends FilterInputStream {
        Unclosable(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the walk owns the stream
        }
    }
}
