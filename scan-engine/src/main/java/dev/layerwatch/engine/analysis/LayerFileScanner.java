package dev.layerwatch.engine.analysis;

import dev.layerwatch.common.finding.SecretFinding;
import dev.layerwatch.engine.layer.FileMeta;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Reads layer files for findings that are not packages (secrets). Like a cataloger it sees one
 * layer at a time, so its findings are cached with the layer.
 */
public interface LayerFileScanner {

    String name();

    /** Bumped whenever the output changes: part of the per-layer cache key. */
    int version();

    boolean wants(FileMeta file);

    /** {@code content} must not be closed; {@code layer} is the layer digest the findings cite. */
    List<SecretFinding> scan(FileMeta file, InputStream content, String layer) throws IOException;
}
