package dev.layerwatch.engine.ecosystem.golang;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Finds and decodes the Go build information block in an executable image. The block starts with the
 * 14-byte magic {@code \xff Go buildinf:} at a 16-byte aligned offset (the linker aligns its section,
 * and the file offset keeps that alignment in ELF, PE and Mach-O), then pointer size and flags. Go 1.18+
 * stores the version and module info inline as length-prefixed strings after 32 bytes; older linkers
 * stored two pointers to Go string headers, which are resolved here through the ELF program headers.
 */
final class GoBuildInfoReader {

    enum Format { ELF, PE, MACHO }

    static final byte[] MAGIC = "\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1);
    private static final int FLAG_BIG_ENDIAN = 1;
    static final int FLAG_INLINE = 2;
    static final int MAX_STRING = 1 << 20;
    private static final String BUILD_ID_TEXT = "\u00ff Go build ID: \"";
    private static final String NOTE_NAME = "Go\0\0";
    private static final int NT_GO_BUILD_ID = 4;

    private GoBuildInfoReader() {
    }

    static Optional<Format> sniff(byte[] head) {
        if (head.length < 4) {
            return Optional.empty();
        }
        int be = ByteBuffer.wrap(head, 0, 4).getInt();
        if (be == 0x7f454c46) {
            return Optional.of(Format.ELF);
        }
        if (head[0] == 'M' && head[1] == 'Z') {
            return Optional.of(Format.PE);
        }
        return switch (be) {
            case 0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe -> Optional.of(Format.MACHO);
            default -> Optional.empty();
        };
    }

    /**
     * @return empty when the image has no Go build information (not a Go program)
     * @throws GoBuildInfoException when a block is found but cannot be decoded
     */
    static Optional<GoBuildInfo> read(ByteBuffer image, Format format) throws GoBuildInfoException {
        int limit = image.limit();
        for (int at = 0; at + 32 <= limit; at += 16) {
            if (image.get(at) != MAGIC[0] || !magicAt(image, at)) {
                continue;
            }
            int ptrSize = image.get(at + 14);
            int flags = image.get(at + 15);
            if (ptrSize != 4 && ptrSize != 8) {
                continue;
            }
            if ((flags & FLAG_INLINE) != 0) {
                return Optional.of(inline(image, at + 32));
            }
            if (format != Format.ELF) {
                throw new GoBuildInfoException("pre-Go 1.18 build information is read from ELF files only");
            }
            ByteOrder order = (flags & FLAG_BIG_ENDIAN) != 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            GoElfAddresses elf = GoElfAddresses.of(image);
            long versionAddr = pointer(image, at + 16, ptrSize, order);
            long modAddr = pointer(image, at + 16 + ptrSize, ptrSize, order);
            return Optional.of(new GoBuildInfo(goString(image, elf, versionAddr, ptrSize, order),
                    goString(image, elf, modAddr, ptrSize, order)));
        }
        return Optional.empty();
    }

    /**
     * Whether the first bytes of an executable carry the Go linker's build ID: the ELF note
     * {@code Go}/type 4, or the {@code \xff Go build ID: "} string that starts the text of PE and Mach-O
     * files. Go programs linked without a build ID ({@code -buildid=}) have neither.
     */
    static boolean hasBuildIdMarker(byte[] head) {
        // a Latin-1 string is searched with the JDK's vectorised indexOf: every executable of a layer passes here
        String text = new String(head, StandardCharsets.ISO_8859_1);
        if (text.indexOf(BUILD_ID_TEXT) >= 0) {
            return true;
        }
        for (int at = text.indexOf(NOTE_NAME, 12); at >= 0; at = text.indexOf(NOTE_NAME, at + 1)) {
            ByteBuffer note = ByteBuffer.wrap(head, at - 12, 12);
            for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
                note.order(order);
                if (note.getInt(at - 12) == NOTE_NAME.length() && note.getInt(at - 4) == NT_GO_BUILD_ID) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean magicAt(ByteBuffer image, int at) {
        for (int i = 1; i < MAGIC.length; i++) {
            if (image.get(at + i) != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /** The Go 1.18+ layout: two varint-length-prefixed strings from {@code at}. */
    static GoBuildInfo inline(ByteBuffer image, int at) throws GoBuildInfoException {
        int[] cursor = {at};
        String version = varintString(image, cursor);
        String modInfo = varintString(image, cursor);
        return new GoBuildInfo(version, modInfo);
    }

    private static String varintString(ByteBuffer image, int[] cursor) throws GoBuildInfoException {
        long length = 0;
        int shift = 0;
        while (true) {
            if (cursor[0] >= image.limit() || shift > 28) {
                throw new GoBuildInfoException("build information string length is not a valid varint");
            }
            int b = image.get(cursor[0]++) & 0xff;
            length |= (long) (b & 0x7f) << shift;
            if (b < 0x80) {
                break;
            }
            shift += 7;
        }
        if (length > MAX_STRING || cursor[0] + length > image.limit()) {
            throw new GoBuildInfoException("build information string of " + length + " bytes runs past the file");
        }
        byte[] bytes = new byte[(int) length];
        image.get(cursor[0], bytes);
        cursor[0] += (int) length;
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static long pointer(ByteBuffer image, int at, int ptrSize, ByteOrder order) throws GoBuildInfoException {
        if (at + ptrSize > image.limit()) {
            throw new GoBuildInfoException("build information header is cut off");
        }
        ByteBuffer b = image.duplicate().order(order);
        return ptrSize == 8 ? b.getLong(at) : Integer.toUnsignedLong(b.getInt(at));
    }

    /** A Go string header {data pointer, length} at {@code addr}, and the bytes it points to. */
    private static String goString(ByteBuffer image, GoElfAddresses elf, long addr, int ptrSize, ByteOrder order)
            throws GoBuildInfoException {
        int header = elf.fileOffset(addr, 2L * ptrSize);
        long data = pointer(image, header, ptrSize, order);
        long length = pointer(image, header + ptrSize, ptrSize, order);
        if (length < 0 || length > MAX_STRING) {
            throw new GoBuildInfoException("Go string of " + length + " bytes is implausible");
        }
        if (length == 0) {
            return "";
        }
        int offset = elf.fileOffset(data, length);
        byte[] bytes = new byte[(int) length];
        image.get(offset, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The module info text without the 16-byte sentinels the linker wraps it in. */
    static String stripSentinels(String modInfo) {
        if (modInfo.length() >= 33 && modInfo.charAt(modInfo.length() - 17) == '\n') {
            return modInfo.substring(16, modInfo.length() - 16);
        }
        return modInfo;
    }
}
