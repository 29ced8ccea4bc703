package dev.layerwatch.report.query;

import static dev.layerwatch.report.query.VulnerabilityQueries.blank;
import static dev.layerwatch.report.query.VulnerabilityQueries.untagged;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What appeared, was fixed or came back since a time, oldest first: the feed a dashboard or a SIEM polls. */
@Repository
public class ChangeQueries {

    private final JdbcClient jdbc;

    public ChangeQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Change(Instant at, String change, String registry, String repository, String tag, String platform,
                         String vulnerability, String severity, String packageName, String packageVersion, String path,
                         String resolution) {
    }

    private static final String CHANGES = """
            SELECT f.first_seen AS at, 'appeared' AS change, f.id FROM findings f WHERE f.first_seen > :since
            UNION ALL SELECT f.resolved_at, 'fixed', f.id FROM findings f WHERE f.resolved_at > :since
            UNION ALL SELECT f.reintroduced_at, 'reintroduced', f.id FROM findings f WHERE f.reintroduced_at > :since""";

    public Page<Change> since(Instant since, PageRequest page) {
        Timestamp t = Timestamp.from(since);
        long total = jdbc.sql("SELECT count(*) FROM (" + CHANGES + ") c").param("since", t).query(Long.class).single();
        List<Change> items = jdbc.sql("SELECT c.at, c.change, r.registry, r.name, f.tag, f.platform, f.vulnerability_id, f.severity,"
                        + " f.package_name, f.package_version, f.package_location, f.resolution FROM (" + CHANGES + ") c"
                        + " JOIN findings f ON f.id = c.id JOIN repositories r ON r.id = f.repository_id"
                        + " ORDER BY c.at, f.id, c.change LIMIT :limit OFFSET :offset")
                .param("since", t).param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> new Change(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4),
                        untagged(rs.getString(5)), blank(rs.getString(6)), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10), rs.getString(11), "fixed".equals(rs.getString(2)) ? rs.getString(12) : null))
                .list();
        return new Page<>(items, page.page(), page.size(), total);
    }
}
