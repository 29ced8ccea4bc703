package dev.layerwatch.engine.ecosystem.rpm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * The classic {@code Packages} file: a Berkeley DB hash database whose values are header blobs. Rather
 * than following the hash, every page is visited: hash pages list key/value items, and a value that did
 * not fit the page (every real header) is an off-page reference to a chain of overflow pages. Byte order
 * is the writer's, told by the metadata page's magic.
 */
final class RpmBdbReader {

    private static final int HASH_MAGIC = 0x061561;
    private static final int PAGE_HEADER = 26;
    private static final int TYPE_HASH_UNSORTED = 2;
    private static final int TYPE_OVERFLOW = 7;
    private static final int TYPE_HASH_META = 8;
    private static final int TYPE_HASH = 13;
    private static final int ITEM_KEYDATA = 1;
    private static final int ITEM_OFFPAGE = 3;
    private static final int MAX_VALUE = 64 << 20;

    private RpmBdbReader() {
    }

    static void read(FileChannel channel, RpmBlobSink sink) throws IOException, RpmDbFormatException {
        ByteBuffer meta = FileReads.read(channel, 0, 72, ByteOrder.LITTLE_ENDIAN);
        if (meta.getInt(12) != HASH_MAGIC) {
            meta.order(ByteOrder.BIG_ENDIAN);
            if (meta.getInt(12) != HASH_MAGIC) {
                throw new RpmDbFormatException("no Berkeley DB hash magic in the metadata page");
            }
        }
        ByteOrder order = meta.order();
        int pageSize = meta.getInt(20);
        if (pageSize < 512 || pageSize > 65536 || Integer.bitCount(pageSize) != 1) {
            throw new RpmDbFormatException("page size " + pageSize + " is not a Berkeley DB page size");
        }
        if (meta.get(25) != TYPE_HASH_META) {
            throw new RpmDbFormatException("page 0 is not a hash metadata page");
        }
        long lastPage = Math.min(Integer.toUnsignedLong(meta.getInt(32)), channel.size() / pageSize - 1);
        for (long pageNo = 1; pageNo <= lastPage; pageNo++) {
            ByteBuffer page = FileReads.read(channel, pageNo * pageSize, pageSize, order);
            int type = page.get(25);
            if (type == TYPE_HASH || type == TYPE_HASH_UNSORTED) {
                hashPage(channel, page, pageNo, lastPage, sink);
            }
        }
    }

    private static void hashPage(FileChannel channel, ByteBuffer page, long pageNo, long lastPage, RpmBlobSink sink)
            throws IOException {
        int pageSize = page.capacity();
        int entries = Short.toUnsignedInt(page.getShort(20));
        if (PAGE_HEADER + 2L * entries > pageSize) {
            sink.problem("hash page " + pageNo + " lists more entries than fit the page");
            return;
        }
        for (int i = 1; i < entries; i += 2) {
            int keyAt = Short.toUnsignedInt(page.getShort(PAGE_HEADER + 2 * (i - 1)));
            int valueAt = Short.toUnsignedInt(page.getShort(PAGE_HEADER + 2 * i));
            // items grow down from the page end: an inline item ends where the previous one starts
            int valueEnd = keyAt;
            if (valueAt < PAGE_HEADER || valueAt >= pageSize || keyAt >= pageSize || valueEnd < valueAt) {
                sink.problem("hash page " + pageNo + " item " + i + " lies outside the page");
                continue;
            }
            int itemType = page.get(valueAt);
            try {
                if (itemType == ITEM_OFFPAGE && valueAt + 12 <= pageSize) {
                    long first = Integer.toUnsignedLong(page.getInt(valueAt + 4));
                    long length = Integer.toUnsignedLong(page.getInt(valueAt + 8));
                    sink.blob(overflowChain(channel, page.order(), pageSize, first, length, lastPage));
                } else if (itemType == ITEM_KEYDATA && valueEnd - valueAt - 1 > 8) {
                    // short inline values are rpm's bookkeeping record (key 0: next instance number)
                    byte[] value = new byte[valueEnd - valueAt - 1];
                    page.get(valueAt + 1, value);
                    sink.blob(value);
                }
            } catch (RpmDbFormatException e) {
                sink.problem("hash page " + pageNo + " item " + i + ": " + e.getMessage());
            }
        }
    }

    private static byte[] overflowChain(FileChannel channel, ByteOrder order, int pageSize, long first, long length,
            long lastPage) throws IOException, RpmDbFormatException {
        if (length > MAX_VALUE) {
            throw new RpmDbFormatException("off-page value of " + length + " bytes exceeds the " + MAX_VALUE
                    + "-byte cap");
        }
        ByteArrayOutputStream value = new ByteArrayOutputStream((int) length);
        long pageNo = first;
        int visited = 0;
        while (value.size() < length) {
            if (pageNo == 0 || pageNo > lastPage || ++visited > lastPage) {
                throw new RpmDbFormatException("overflow chain breaks off at page " + pageNo + " after "
                        + value.size() + " of " + length + " bytes");
            }
            ByteBuffer page = FileReads.read(channel, pageNo * pageSize, pageSize, order);
            if (page.get(25) != TYPE_OVERFLOW) {
                throw new RpmDbFormatException("page " + pageNo + " in an overflow chain is not an overflow page");
            }
            int used = Short.toUnsignedInt(page.getShort(22));
            if (PAGE_HEADER + used > pageSize) {
                throw new RpmDbFormatException("overflow page " + pageNo + " claims " + used + " bytes");
            }
            value.write(page.array(), PAGE_HEADER, (int) Math.min(used, length - value.size()));
            pageNo = Integer.toUnsignedLong(page.getInt(16));
        }
        return value.toByteArray();
    }
}
