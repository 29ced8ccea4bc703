package dev.layerwatch.engine.report;

import dev.layerwatch.engine.scan.ImageScan;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON document: one {@link ImageReport} object for a single-platform scan, an array of them when
 * an index yielded several platforms. Field names are the record components' and stay stable.
 */
public final class JsonReportWriter implements ReportWriter {

    static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Override
    public void write(List<ImageScan> scans, OutputStream out) throws IOException {
        List<ImageReport> reports = scans.stream().map(ImageReport::of).toList();
        Object doc = reports.size() == 1 ? reports.getFirst() : reports;
        out.write(JSON.writeValueAsBytes(doc));
        out.write('\n');
        out.flush();
    }

    /** Reads a document this writer wrote (single or multi-platform) back. */
    public static List<ImageReport> read(byte[] json) {
        var tree = JSON.readTree(json);
        if (tree.isArray()) {
            return List.of(JSON.treeToValue(tree, ImageReport[].class));
        }
        return List.of(JSON.treeToValue(tree, ImageReport.class));
    }
}
