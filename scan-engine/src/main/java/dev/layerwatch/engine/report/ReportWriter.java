package dev.layerwatch.engine.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Writes the reports of one scan (one per platform image) in one format. Does not close {@code out}. */
@FunctionalInterface
public interface ReportWriter {
    void write(List<ImageReport> reports, OutputStream out) throws IOException;
}
