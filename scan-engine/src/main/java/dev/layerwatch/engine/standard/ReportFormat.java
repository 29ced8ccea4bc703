package dev.layerwatch.engine.standard;

import dev.layerwatch.engine.report.CycloneDxReportWriter;
import dev.layerwatch.engine.report.JsonReportWriter;
import dev.layerwatch.engine.report.ReportWriter;
import dev.layerwatch.engine.report.TableReportWriter;
import dev.layerwatch.engine.report.sarif.SarifReportWriter;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

/** The report formats, one explicit list: what {@code --format} accepts. */
public enum ReportFormat {
    TABLE(new TableReportWriter()),
    JSON(new JsonReportWriter()),
    CYCLONEDX(new CycloneDxReportWriter()),
    SARIF(new SarifReportWriter());

    private final ReportWriter writer;

    ReportFormat(ReportWriter writer) {
        this.writer = writer;
    }

    public ReportWriter writer() {
        return writer;
    }

    /** The name {@code --format} takes. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ReportFormat parse(String text) {
        return parse(text, Arrays.asList(values()));
    }

    /** Parses {@code text} as one of {@code accepted} (a command's subset), naming them on error. */
    public static ReportFormat parse(String text, Collection<ReportFormat> accepted) {
        for (ReportFormat f : accepted) {
            if (f.id().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown report format '" + text + "': expected one of "
                + accepted.stream().map(ReportFormat::id).collect(Collectors.joining(", ")));
    }
}
