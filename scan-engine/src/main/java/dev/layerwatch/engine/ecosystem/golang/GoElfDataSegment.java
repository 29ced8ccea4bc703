package dev.layerwatch.engine.ecosystem.golang;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * Where an ELF file's first writable, non-executable PT_LOAD segment lies in the file, read from the
 * program headers in the file's first bytes. The Go linker puts {@code .go.buildinfo} at the start of
 * that segment, and Go's own {@code debug/buildinfo} looks for the block only in its first 64 KiB when
 * the section headers are gone: reading that much is enough to tell a Go program from any other.
 *
 * @param offset   the segment's file offset
 * @param fileSize its size in the file
 */
record GoElfDataSegment(long offset, long fileSize) {

    /** How far into the segment Go's {@code debug/buildinfo} looks for the block. */
    static final int SEARCH_BYTES = 64 << 10;

    private static final int PT_LOAD = 1;
    private static final int PF_X = 1;
    private static final int PF_W = 2;

    /** Empty when {@code head} is not a readable ELF header or its program headers lie beyond it. */
    static Optional<GoElfDataSegment> find(byte[] head) {
        if (head.length < 64 || head[0] != 0x7f || head[1] != 'E' || head[2] != 'L' || head[3] != 'F') {
            return Optional.empty();
        }
        boolean is64 = head[4] == 2;
        ByteBuffer b = ByteBuffer.wrap(head).order(head[5] == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        long phoff = is64 ? b.getLong(0x20) : Integer.toUnsignedLong(b.getInt(0x1c));
        int phentsize = Short.toUnsignedInt(b.getShort(is64 ? 0x36 : 0x2a));
        int phnum = Short.toUnsignedInt(b.getShort(is64 ? 0x38 : 0x2c));
        if (phoff <= 0 || phentsize < (is64 ? 56 : 32) || phoff + (long) phentsize * phnum > head.length) {
            return Optional.empty();
        }
        for (int i = 0; i < phnum; i++) {
            int at = (int) (phoff + (long) i * phentsize);
            if (b.getInt(at) != PT_LOAD) {
                continue;
            }
            int flags = b.getInt(is64 ? at + 4 : at + 24);
            if ((flags & (PF_X | PF_W)) != PF_W) {
                continue;
            }
            long offset = is64 ? b.getLong(at + 8) : Integer.toUnsignedLong(b.getInt(at + 4));
            long fileSize = is64 ? b.getLong(at + 32) : Integer.toUnsignedLong(b.getInt(at + 16));
            return offset < 0 || fileSize < 0 ? Optional.empty() : Optional.of(new GoElfDataSegment(offset, fileSize));
        }
        return Optional.empty();
    }
}
