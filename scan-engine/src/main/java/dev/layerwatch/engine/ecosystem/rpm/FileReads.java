package dev.layerwatch.engine.ecosystem.rpm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/** Positional reads from a database file that fail with a format error, not an exception, at the end of file. */
final class FileReads {

    private FileReads() {
    }

    static ByteBuffer read(FileChannel channel, long position, int length, ByteOrder order)
            throws IOException, RpmDbFormatException {
        if (position < 0 || length < 0 || position + length > channel.size()) {
            throw new RpmDbFormatException(length + " bytes at offset " + position + " lie beyond the end of the "
                    + channel.size() + "-byte file");
        }
        ByteBuffer buf = ByteBuffer.allocate(length).order(order);
        while (buf.hasRemaining()) {
            if (channel.read(buf, position + buf.position()) < 0) {
                throw new RpmDbFormatException("file ended at offset " + (position + buf.position()));
            }
        }
        return buf.flip();
    }
}
