package dev.layerwatch.engine.ecosystem.golang;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;

/**
 * Looks for Go 1.18+ build information while an executable streams past, holding only a window of it:
 * the route for executables without a Go build ID marker (nearly all of them are not Go programs, and
 * must cost no more than a pass over their bytes). The older pointer layout needs random access and is
 * reported as unreadable here; Go programs of that age carry a build ID and take the spooled route.
 */
final class GoBuildInfoStreamScanner {

    private static final int WINDOW = 256 << 10;
    private static final int HEADER = 32;
    /** Header, two varint lengths and two strings at most: all the build information can span. */
    private static final int MAX_BLOCK = HEADER + 2 * (5 + GoBuildInfoReader.MAX_STRING);

    private GoBuildInfoStreamScanner() {
    }

    /** {@code head} is what was already read from the start of the file; {@code rest} follows it. */
    static Optional<GoBuildInfo> scan(byte[] head, InputStream rest) throws IOException, GoBuildInfoException {
        byte[] buf = new byte[Math.max(WINDOW, head.length + HEADER)];
        System.arraycopy(head, 0, buf, 0, head.length);
        int len = head.length;
        // buf[0] always sits at a 16-byte aligned file offset, so aligned indexes are aligned offsets
        while (true) {
            len += rest.readNBytes(buf, len, buf.length - len);
            boolean end = len < buf.length;
            int i = 0;
            for (; i + HEADER <= len; i += 16) {
                if (isBlockHeader(buf, i)) {
                    return Optional.of(inlineBlock(buf, i, len, rest));
                }
            }
            if (end) {
                return Optional.empty();
            }
            // i is the first aligned offset not yet examined: keep from there on
            System.arraycopy(buf, i, buf, 0, len - i);
            len -= i;
        }
    }

    /**
     * Looks only at the first {@link GoElfDataSegment#SEARCH_BYTES} of an ELF file's data segment, where
     * the Go linker puts the block and where Go's own {@code debug/buildinfo} looks for it: the rest of a
     * non-Go executable is never read here.
     */
    static Optional<GoBuildInfo> scanDataSegment(byte[] head, InputStream rest, GoElfDataSegment segment)
            throws IOException, GoBuildInfoException {
        long start = segment.offset() & ~15L;
        long end = segment.offset() + Math.min(segment.fileSize(), GoElfDataSegment.SEARCH_BYTES);
        if (end - start < HEADER) {
            return Optional.empty();
        }
        byte[] window = new byte[(int) (end - start)];
        int filled = 0;
        if (start < head.length) {
            filled = (int) Math.min(window.length, head.length - start);
            System.arraycopy(head, (int) start, window, 0, filled);
        } else {
            discard(rest, start - head.length, window);
        }
        filled += rest.readNBytes(window, filled, window.length - filled);
        InputStream after = end < head.length
                ? new SequenceInputStream(new ByteArrayInputStream(head, (int) end, head.length - (int) end), rest)
                : rest;
        for (int i = 0; i + HEADER <= filled; i += 16) {
            if (isBlockHeader(window, i)) {
                return Optional.of(inlineBlock(window, i, filled, after));
            }
        }
        return Optional.empty();
    }

    private static void discard(InputStream in, long bytes, byte[] scratch) throws IOException {
        for (long left = bytes; left > 0; ) {
            int n = in.read(scratch, 0, (int) Math.min(scratch.length, left));
            if (n < 0) {
                return;
            }
            left -= n;
        }
    }

    private static boolean isBlockHeader(byte[] buf, int i) throws GoBuildInfoException {
        if (buf[i] != GoBuildInfoReader.MAGIC[0] || !magicAt(buf, i)) {
            return false;
        }
        int ptrSize = buf[i + 14];
        if (ptrSize != 4 && ptrSize != 8) {
            return false;
        }
        if ((buf[i + 15] & GoBuildInfoReader.FLAG_INLINE) == 0) {
            throw new GoBuildInfoException("pre-Go 1.18 build information in a file without a Go build ID"
                    + " is not read");
        }
        return true;
    }

    /** The block found at {@code buf[i]}, completed from {@code rest} as far as it can reach. */
    private static GoBuildInfo inlineBlock(byte[] buf, int i, int len, InputStream rest)
            throws IOException, GoBuildInfoException {
        byte[] block = Arrays.copyOfRange(buf, i, len);
        byte[] more = rest.readNBytes(Math.max(0, MAX_BLOCK - block.length));
        byte[] whole = Arrays.copyOf(block, block.length + more.length);
        System.arraycopy(more, 0, whole, block.length, more.length);
        return GoBuildInfoReader.inline(ByteBuffer.wrap(whole), HEADER);
    }

    private static boolean magicAt(byte[] buf, int at) {
        byte[] magic = GoBuildInfoReader.MAGIC;
        for (int j = 1; j < magic.length; j++) {
            if (buf[at + j] != magic[j]) {
                return false;
            }
        }
        return true;
    }
}
