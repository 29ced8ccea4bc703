package dev.layerwatch.engine.layer;

import java.io.IOException;
import java.io.InputStream;

/**
 * Receives one layer's entries in tar order. Only a regular file the visitor {@link #wants} is read;
 * every other file is skipped unread, which is what keeps a layer walk near the speed of inflate.
 */
public interface LayerEntryVisitor {

    /** Every entry except whiteouts, with its cleaned path; {@code linkTarget} is set for links only (hard links: cleaned). */
    void entry(String path, LayerEntryKind kind, String linkTarget);

    /** Whether to read this regular file; asked after {@link #entry}. */
    boolean wants(FileMeta file);

    /** Reads a wanted file; {@code content} ends at the file's end and must not be closed. */
    void read(FileMeta file, InputStream content) throws IOException;

    /** {@code .wh.<name>}: {@code path} (a file or a whole tree) is deleted from lower layers. */
    void whiteout(String path);

    /** {@code .wh..wh..opq}: every child of {@code dir} from lower layers is hidden ({@code dir} "" = the root). */
    void opaque(String dir);
}
