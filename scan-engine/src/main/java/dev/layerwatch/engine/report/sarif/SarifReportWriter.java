package dev.layerwatch.engine.report.sarif;

import dev.layerwatch.engine.report.ImageReport;
import dev.layerwatch.engine.report.ReportPackage;
import dev.layerwatch.engine.report.ReportWriter;
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
    public void write(List<ImageReport> reports, OutputStream out) throws IOException {
        if (reports.size() != 1) {
            throw new IllegalArgumentException("a SARIF log here describes one platform image, but the scan produced "
                    + reports.size() + "; choose one with --platform");
        }
        ImageReport report = reports.getFirst();
        var packages = report.packages().stream().map(ReportPackage::toPackage).toList();
        List<String> notices = new java.util.ArrayList<>();
        if (!report.vulnerabilityStatus().checked()) {
            notices.add("vulnerabilities not checked: " + report.vulnerabilityStatus().detail());
        }
        report.outcome().incompleteLayers().forEach(l -> notices.add("scan incomplete: layer " + l.layer() + " not read: " + l.reason()));
        sarif.write(report.image(), report.findings(), SarifWriter.locationsByPurl(packages), notices, out);
        out.write('\n');
        out.flush();
    }
}
