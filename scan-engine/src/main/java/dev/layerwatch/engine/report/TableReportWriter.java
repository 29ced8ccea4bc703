package dev.layerwatch.engine.report;

import dev.layerwatch.common.finding.ConfigFinding;
import dev.layerwatch.common.finding.SecretFinding;
import dev.layerwatch.engine.scan.ImageScan;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text report for a terminal: a header per image, then packages, vulnerabilities by severity
 * ({@link VulnerabilityTable}), config findings, secrets and warnings as aligned tables.
 */
public final class TableReportWriter implements ReportWriter {

    @Override
    public void write(List<ImageScan> scans, OutputStream out) throws IOException {
        List<ImageReport> reports = scans.stream().map(ImageReport::of).toList();
        PrintWriter w = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
        for (ImageReport r : reports) {
            w.println(r.image() + (r.platform() == null ? "" : " (" + r.platform() + ")")
                    + (r.manifestDigest() == null ? "" : " " + r.manifestDigest()));
            if (r.os() != null) {
                w.println("OS: " + (r.os().prettyName() != null ? r.os().prettyName() : r.os().id() + " " + r.os().versionId())
                        + (Boolean.TRUE.equals(r.os().eol()) ? "  [END OF LIFE since " + r.os().eolDate() + "]" : ""));
            }
            if (!r.outcome().complete()) {
                w.println("SCAN INCOMPLETE: " + r.outcome().incompleteLayers().size() + " of " + r.layers().size()
                        + " layers not read; packages and findings in them are missing:");
                r.outcome().incompleteLayers().forEach(l -> w.println("  ! " + l.layer() + ": " + l.reason()));
            }
            w.println();
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("NAME", "VERSION", "TYPE", "LAYER"));
            for (ReportPackage p : r.packages()) {
                rows.add(List.of(p.name(), p.version(), p.type() + (p.declaredOnly() ? " (declared)" : ""), shortDigest(p.layer())));
            }
            table(w, rows);
            w.println(r.packages().size() + " packages");
            VulnerabilityTable.write(w, r);
            if (!r.configFindings().isEmpty()) {
                w.println();
                List<List<String>> cf = new ArrayList<>();
                cf.add(List.of("SEVERITY", "CHECK", "TITLE"));
                for (ConfigFinding f : r.configFindings()) {
                    cf.add(List.of(f.severity().name(), f.id(), f.title() == null ? "" : f.title()));
                }
                table(w, cf);
            }
            if (!r.secrets().isEmpty()) {
                w.println();
                List<List<String>> sf = new ArrayList<>();
                sf.add(List.of("SEVERITY", "SECRET", "LOCATION", "MATCH"));
                for (SecretFinding s : r.secrets()) {
                    sf.add(List.of(s.severity().name(), s.title() == null ? s.ruleId() : s.title(),
                            s.location() + (s.line() > 0 ? ":" + s.line() : ""), s.redacted() == null ? "" : s.redacted()));
                }
                table(w, sf);
            }
            if (!r.warnings().isEmpty()) {
                w.println();
                w.println(r.warnings().size() + " warnings:");
                r.warnings().forEach(warning -> w.println("  ! " + warning));
            }
            w.println();
        }
        w.flush();
    }

    static void table(PrintWriter w, List<List<String>> rows) {
        int cols = rows.getFirst().size();
        int[] width = new int[cols];
        for (List<String> row : rows) {
            for (int i = 0; i < cols; i++) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < cols; i++) {
                line.append(i == cols - 1 ? row.get(i) : String.format("%-" + (width[i] + 2) + "s", row.get(i)));
            }
            w.println(line.toString().stripTrailing());
        }
    }

    static String shortDigest(String digest) {
        if (digest == null) {
            return "-";
        }
        int colon = digest.indexOf(':');
        String hex = colon < 0 ? digest : digest.substring(colon + 1);
        return hex.length() > 12 ? hex.substring(0, 12) : hex;
    }
}
