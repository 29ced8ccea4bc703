package dev.layerwatch.engine.ecosystem.rpm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * rpm's native {@code Packages.db} (ndb, SUSE): little-endian. A 32-byte file header ("RpmP", version,
 * generation, number of 4 KiB slot pages), then 16-byte slots ("Slot", package index, block offset,
 * block count; offset 0 = free) filling those pages after the header, and blobs addressed in 16-byte
 * blocks ("BlbS", package index, timestamp, length, header data).
 */
final class RpmNdbReader {

    private static final int HEADER_MAGIC = 'R' | 'p' << 8 | 'm' << 16 | 'P' << 24;
    private static final int SLOT_MAGIC = 'S' | 'l' << 8 | 'o' << 16 | 't' << 24;
    private static final int BLOB_MAGIC = 'B' | 'l' << 8 | 'b' << 16 | 'S' << 24;
    private static final int PAGE_SIZE = 4096;
    private static final int SLOT_SIZE = 16;
    private static final int BLOCK_SIZE = 16;
    private static final int FIRST_SLOT = 2;
    private static final int BLOB_HEAD = 16;

    private RpmNdbReader() {
    }

    static void read(FileChannel channel, RpmBlobSink sink) throws IOException, RpmDbFormatException {
        ByteBuffer header = FileReads.read(channel, 0, 32, ByteOrder.LITTLE_ENDIAN);
        if (header.getInt(0) != HEADER_MAGIC) {
            throw new RpmDbFormatException("no ndb magic 'RpmP' at the start");
        }
        long slotPages = Integer.toUnsignedLong(header.getInt(12));
        if (slotPages == 0 || slotPages * PAGE_SIZE > channel.size()) {
            throw new RpmDbFormatException("ndb header declares " + slotPages + " slot pages, the file has "
                    + channel.size() + " bytes");
        }
        ByteBuffer slots = FileReads.read(channel, 0, (int) (slotPages * PAGE_SIZE), ByteOrder.LITTLE_ENDIAN);
        int count = (int) (slotPages * PAGE_SIZE / SLOT_SIZE);
        for (int slot = FIRST_SLOT; slot < count; slot++) {
            int at = slot * SLOT_SIZE;
            if (slots.getInt(at) != SLOT_MAGIC) {
                sink.problem("slot " + slot + " has no 'Slot' magic");
                continue;
            }
            int packageIndex = slots.getInt(at + 4);
            long blockOffset = Integer.toUnsignedLong(slots.getInt(at + 8));
            long blockCount = Integer.toUnsignedLong(slots.getInt(at + 12));
            if (blockOffset == 0) {
                continue;
            }
            try {
                sink.blob(blob(channel, packageIndex, blockOffset * BLOCK_SIZE, blockCount * BLOCK_SIZE));
            } catch (RpmDbFormatException e) {
                sink.problem("package " + packageIndex + ": " + e.getMessage());
            }
        }
    }

    private static byte[] blob(FileChannel channel, int packageIndex, long position, long space)
            throws IOException, RpmDbFormatException {
        ByteBuffer head = FileReads.read(channel, position, BLOB_HEAD, ByteOrder.LITTLE_ENDIAN);
        if (head.getInt(0) != BLOB_MAGIC || head.getInt(4) != packageIndex) {
            throw new RpmDbFormatException("no blob for it at offset " + position);
        }
        long length = Integer.toUnsignedLong(head.getInt(12));
        if (length + BLOB_HEAD > space) {
            throw new RpmDbFormatException("blob of " + length + " bytes overflows its " + space + "-byte slot");
        }
        return FileReads.read(channel, position + BLOB_HEAD, (int) length, ByteOrder.LITTLE_ENDIAN).array();
    }
}
