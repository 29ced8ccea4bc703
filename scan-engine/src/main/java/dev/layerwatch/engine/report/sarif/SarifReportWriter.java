package dev.layerwatch.engine.report.sarif;

import dev.layerwatch.engine.report.ReportWriter;
import dev.layerwatch.engine.scan.ImageScan;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * {@code --format sarif}: the findings of one platform image as a SARIF 2.1.0 log ({@link SarifWriter}),
 * each located at the files that evidence its package. Suppressed findings are not results.
 */
public final class SarifReportWriter implements ReportWriter {

    private final SarifWriter sarif;

    /** Names the tool with the version in the jar's manifest ({@code development} when run from classes). */
    public SarifReportWriter() {
        String version = SarifReportWriter.class.getPackage().getImplementationVersion();
        this.sarif = new SarifWriter(version == null ? "development" : version);
    }

    @Override
    public void write(List<ImageScan> scans, OutputStream out) throws IOException {
        if (scans.size() != 1) {
            throw new IllegalArgumentException("a SARIF log here describes one platform image, but the scan produced "
                    + scans.size() + "; choose one with --platform");
        }
        ImageScan scan = scans.getFirst();
        List<String> notices = new java.util.ArrayList<>();
        if (!scan.vulnerabilityStatus().checked()) {
            notices.add("vulnerabilities not checked: " + scan.vulnerabilityStatus().detail());
        }
        scan.inventory().outcome().incompleteLayers()
                .forEach(l -> notices.add("scan incomplete: layer " + l.layer() + " not read: " + l.reason()));
        sarif.write(scan.inventory().image(), scan.findings(), SarifWriter.locationsByPurl(scan.inventory().packages()), notices, out);
        out.write('\n');
        out.flush();
    }
}
