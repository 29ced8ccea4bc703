package dev.layerwatch.engine.report;

import dev.layerwatch.engine.scan.ImageScan;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Writes the report of one scan (one {@link ImageScan} per platform image) in one format. Does not close {@code out}. */
@FunctionalInterface
public interface ReportWriter {
    void write(List<ImageScan> scans, OutputStream out) throws IOException;
}
