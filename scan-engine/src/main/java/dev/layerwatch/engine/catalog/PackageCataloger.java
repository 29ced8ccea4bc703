package dev.layerwatch.engine.catalog;

import dev.layerwatch.engine.layer.FileMeta;
import java.io.IOException;
import java.io.InputStream;

/**
 * Finds packages in one kind of file. Catalogers see one layer's files, one at a time, while the
 * layer streams past: they never see the merged filesystem, so a layer's result is reusable in every
 * image that shares the layer. They leave {@code Package.layer} null (the engine fills it in), and
 * OS-package purls carry no {@code distro} qualifier (the engine adds it once the image's OS is known).
 */
public interface PackageCataloger {

    /** Short stable name, e.g. {@code dpkg}, {@code java-archive}. */
    String name();

    /** Bumped whenever the cataloger's output changes: part of the per-layer cache key. */
    int version();

    /** Whether this cataloger wants to read {@code file}; decided on the path, size and mode only. */
    boolean wants(FileMeta file);

    /**
     * Reads one file. {@code content} is bounded by the engine's per-file cap and must not be closed
     * by the cataloger. A malformed file yields a warning naming the file, not an exception;
     * an {@link IOException} means the stream itself failed.
     */
    CatalogResult catalog(FileMeta file, InputStream content) throws IOException;
}
