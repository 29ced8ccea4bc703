package dev.layerwatch.engine.ecosystem.golang;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Maps virtual addresses to file offsets through an ELF file's PT_LOAD program headers (32/64-bit, either byte order). */
final class GoElfAddresses {

    private static final int PT_LOAD = 1;

    private final long[] vaddr;
    private final long[] offset;
    private final long[] fileSize;
    private final int limit;

    private GoElfAddresses(long[] vaddr, long[] offset, long[] fileSize, int limit) {
        this.vaddr = vaddr;
        this.offset = offset;
        this.fileSize = fileSize;
        this.limit = limit;
    }

    static GoElfAddresses of(ByteBuffer image) throws GoBuildInfoException {
        boolean is64 = image.limit() > 4 && image.get(4) == 2;
        if (image.limit() < (is64 ? 64 : 52)) {
            throw new GoBuildInfoException("ELF header is cut off");
        }
        ByteBuffer b = image.duplicate().order(image.get(5) == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        long phoff = is64 ? b.getLong(0x20) : Integer.toUnsignedLong(b.getInt(0x1c));
        int phentsize = Short.toUnsignedInt(b.getShort(is64 ? 0x36 : 0x2a));
        int phnum = Short.toUnsignedInt(b.getShort(is64 ? 0x38 : 0x2c));
        if (phoff <= 0 || phentsize < (is64 ? 56 : 32) || phoff + (long) phentsize * phnum > image.limit()) {
            throw new GoBuildInfoException("ELF program headers lie outside the file");
        }
        long[] vaddr = new long[phnum];
        long[] offset = new long[phnum];
        long[] size = new long[phnum];
        for (int i = 0; i < phnum; i++) {
            int at = (int) (phoff + (long) i * phentsize);
            if (b.getInt(at) != PT_LOAD) {
                size[i] = -1;
                continue;
            }
            if (is64) {
                offset[i] = b.getLong(at + 8);
                vaddr[i] = b.getLong(at + 16);
                size[i] = b.getLong(at + 32);
            } else {
                offset[i] = Integer.toUnsignedLong(b.getInt(at + 4));
                vaddr[i] = Integer.toUnsignedLong(b.getInt(at + 8));
                size[i] = Integer.toUnsignedLong(b.getInt(at + 16));
            }
        }
        return new GoElfAddresses(vaddr, offset, size, image.limit());
    }

    /** The file offset of {@code length} bytes at virtual address {@code addr}, all inside one loaded segment. */
    int fileOffset(long addr, long length) throws GoBuildInfoException {
        for (int i = 0; i < vaddr.length; i++) {
            if (fileSize[i] >= 0 && addr >= vaddr[i] && addr + length <= vaddr[i] + fileSize[i]) {
                long off = offset[i] + (addr - vaddr[i]);
                if (off + length <= limit) {
                    return (int) off;
                }
            }
        }
        throw new GoBuildInfoException("address 0x" + Long.toHexString(addr) + " is in no loaded segment of the file");
    }
}
