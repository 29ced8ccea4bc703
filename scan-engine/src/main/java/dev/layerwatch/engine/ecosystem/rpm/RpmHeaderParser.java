package dev.layerwatch.engine.ecosystem.rpm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Decodes an rpm header blob as the databases store it (no lead, no header magic): a big-endian index
 * count and data length, the index entries (tag, type, offset, count), then the data store. Only the
 * identifying tags are read; every offset is checked against the blob before use.
 */
final class RpmHeaderParser {

    static final int TAG_NAME = 1000;
    static final int TAG_VERSION = 1001;
    static final int TAG_RELEASE = 1002;
    static final int TAG_EPOCH = 1003;
    static final int TAG_ARCH = 1022;
    static final int TAG_SOURCERPM = 1044;

    private static final int TYPE_INT32 = 4;
    private static final int TYPE_STRING = 6;
    private static final int TYPE_STRING_ARRAY = 8;
    private static final int TYPE_I18NSTRING = 9;
    private static final int ENTRY_SIZE = 16;
    private static final int MAX_ENTRIES = 0x10000;

    private RpmHeaderParser() {
    }

    static RpmHeader parse(byte[] blob) throws RpmDbFormatException {
        if (blob.length < 8) {
            throw new RpmDbFormatException("header blob of " + blob.length + " bytes is too short");
        }
        ByteBuffer buf = ByteBuffer.wrap(blob).order(ByteOrder.BIG_ENDIAN);
        int entries = buf.getInt(0);
        int dataLength = buf.getInt(4);
        long storeStart = 8L + (long) entries * ENTRY_SIZE;
        if (entries <= 0 || entries > MAX_ENTRIES || dataLength < 0 || storeStart + dataLength > blob.length) {
            throw new RpmDbFormatException("header blob declares " + entries + " entries and " + dataLength
                    + " data bytes, more than its " + blob.length + " bytes");
        }
        String name = null;
        String version = null;
        String release = null;
        String arch = null;
        String sourceRpm = null;
        Integer epoch = null;
        for (int i = 0; i < entries; i++) {
            int at = 8 + i * ENTRY_SIZE;
            int tag = buf.getInt(at);
            int type = buf.getInt(at + 4);
            int offset = buf.getInt(at + 8);
            int count = buf.getInt(at + 12);
            if (tag < TAG_NAME || tag > TAG_SOURCERPM) {
                continue;
            }
            if (offset < 0 || offset >= dataLength) {
                throw new RpmDbFormatException("tag " + tag + " points at offset " + offset
                        + " outside the " + dataLength + "-byte data store");
            }
            int pos = (int) storeStart + offset;
            int end = (int) storeStart + dataLength;
            switch (tag) {
                case TAG_NAME -> name = string(blob, pos, end, type, tag);
                case TAG_VERSION -> version = string(blob, pos, end, type, tag);
                case TAG_RELEASE -> release = string(blob, pos, end, type, tag);
                case TAG_ARCH -> arch = string(blob, pos, end, type, tag);
                case TAG_SOURCERPM -> sourceRpm = string(blob, pos, end, type, tag);
                case TAG_EPOCH -> {
                    if (type != TYPE_INT32 || count < 1 || pos + 4 > end) {
                        throw new RpmDbFormatException("EPOCH tag is not a readable INT32");
                    }
                    epoch = buf.getInt(pos);
                }
                default -> {
                }
            }
        }
        if (name == null || version == null || release == null) {
            throw new RpmDbFormatException("header blob has no NAME, VERSION or RELEASE");
        }
        return new RpmHeader(name, epoch, version, release, arch, sourceRpm);
    }

    private static String string(byte[] blob, int pos, int end, int type, int tag) throws RpmDbFormatException {
        if (type != TYPE_STRING && type != TYPE_STRING_ARRAY && type != TYPE_I18NSTRING) {
            throw new RpmDbFormatException("tag " + tag + " has type " + type + ", not a string");
        }
        int nul = pos;
        while (nul < end && blob[nul] != 0) {
            nul++;
        }
        if (nul == end) {
            throw new RpmDbFormatException("tag " + tag + " string runs past the data store");
        }
        return new String(blob, pos, nul - pos, StandardCharsets.UTF_8);
    }
}
