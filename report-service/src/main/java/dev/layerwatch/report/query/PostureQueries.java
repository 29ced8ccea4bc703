package dev.layerwatch.report.query;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Posture per repository and per owning team: open findings by severity, how many are fixable, the oldest open
 * finding's age, and the mean time to fix of findings resolved within a window.
 */
@Repository
public class PostureQueries {

    private final JdbcClient jdbc;
    private final Clock clock;

    public PostureQueries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Posture(String name, Map<String, Long> open, long fixable, Duration oldestOpenAge, Duration meanTimeToFix,
                          long fixedInWindow) {
    }

    public record Report(Duration window, List<Posture> repositories, List<Posture> teams) {
    }

    private record Row(String repository, String severity, long open, long fixable, Instant oldest, double fixSeconds, long fixed) {
    }

    public Report posture(Duration window, Map<String, List<String>> teams) {
        if (window.isNegative() || window.isZero()) {
            throw new BadQueryException("window", window.toString(), "must be positive");
        }
        Instant now = clock.instant();
        List<Row> rows = jdbc.sql("""
                SELECT r.registry || '/' || r.name, f.severity,
                       count(*) FILTER (WHERE f.resolved_at IS NULL),
                       count(*) FILTER (WHERE f.resolved_at IS NULL AND cardinality(f.fixed_versions) > 0),
                       min(f.first_seen) FILTER (WHERE f.resolved_at IS NULL),
                       coalesce(sum(extract(epoch FROM f.resolved_at - f.first_seen)) FILTER (WHERE f.resolved_at >= :since), 0),
                       count(*) FILTER (WHERE f.resolved_at >= :since)
                  FROM findings f JOIN repositories r ON r.id = f.repository_id
                 GROUP BY 1, 2 ORDER BY 1""")
                .param("since", Timestamp.from(now.minus(window)))
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        ImageQueries.instant(rs.getTimestamp(5)), rs.getDouble(6), rs.getLong(7)))
                .list();
        Map<String, List<Row>> byRepository = new LinkedHashMap<>();
        rows.forEach(r -> byRepository.computeIfAbsent(r.repository(), k -> new ArrayList<>()).add(r));
        List<Posture> repositories = byRepository.entrySet().stream().map(e -> posture(e.getKey(), e.getValue(), now)).toList();
        List<Posture> teamPosture = new ArrayList<>();
        teams.forEach((team, globs) -> {
            List<Pattern> patterns = globs.stream().map(g -> Pattern.compile(ImageQueries.globToRegex(g))).toList();
            List<Row> owned = rows.stream().filter(r -> patterns.stream().anyMatch(p -> p.matcher(r.repository()).matches()
                    || p.matcher(r.repository().substring(r.repository().indexOf('/') + 1)).matches())).toList();
            teamPosture.add(posture(team, owned, now));
        });
        return new Report(window, repositories, teamPosture);
    }

    private static Posture posture(String name, List<Row> rows, Instant now) {
        Map<String, Long> open = new LinkedHashMap<>();
        long fixable = 0;
        Instant oldest = null;
        double fixSeconds = 0;
        long fixed = 0;
        for (Row r : rows) {
            if (r.open() > 0) {
                open.merge(r.severity(), r.open(), Long::sum);
            }
            fixable += r.fixable();
            if (r.oldest() != null && (oldest == null || r.oldest().isBefore(oldest))) {
                oldest = r.oldest();
            }
            fixSeconds += r.fixSeconds();
            fixed += r.fixed();
        }
        return new Posture(name, open, fixable, oldest == null ? null : Duration.between(oldest, now),
                fixed == 0 ? null : Duration.ofMillis(Math.round(fixSeconds / fixed * 1000)), fixed);
    }
}
