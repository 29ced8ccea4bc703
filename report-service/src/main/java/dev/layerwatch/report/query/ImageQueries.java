package dev.layerwatch.report.query;

import static dev.layerwatch.report.query.VulnerabilityQueries.blank;
import static dev.layerwatch.report.query.VulnerabilityQueries.strings;

import dev.layerwatch.common.finding.Severity;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Images: the list with filters, one image's current report, a tag's history, and forgetting an image. */
@Repository
public class ImageQueries {

    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}|sha512:[0-9a-f]{128}");
    private static final Pattern GLOB = Pattern.compile("[A-Za-z0-9._/:*?\\-\\[\\]]+");

    private final JdbcClient jdbc;

    public ImageQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record ImageSummary(long id, String registry, String repository, List<String> tags, String platform, String digest,
                               String manifestDigest, Os os, Instant firstSeen, Instant lastScannedAt, String vulnDbVersion,
                               Map<String, Integer> openFindings, int fixable) {
    }

    public record Os(String id, String version, String name, boolean eol, LocalDate eolDate) {
    }

    public record Filter(String repository, String tag, Severity minSeverity, boolean fixableOnly, String os, Boolean eol) {
    }

    public Page<ImageSummary> list(Filter filter, PageRequest page) {
        StringBuilder where = new StringBuilder("EXISTS (SELECT 1 FROM tag_heads h WHERE h.image_id = i.id)");
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.repository() != null && !filter.repository().isBlank()) {
            if (!GLOB.matcher(filter.repository()).matches()) {
                throw new BadQueryException("repository", filter.repository(), "expected a repository glob such as team/* or prod/**");
            }
            where.append(" AND (r.name ~ :re OR (r.registry || '/' || r.name) ~ :re)");
            params.put("re", globToRegex(filter.repository()));
        }
        if (filter.tag() != null && !filter.tag().isBlank()) {
            where.append(" AND EXISTS (SELECT 1 FROM tag_heads h WHERE h.image_id = i.id AND h.tag = :tag)");
            params.put("tag", filter.tag());
        }
        if (filter.minSeverity() != null || filter.fixableOnly()) {
            where.append(" AND EXISTS (SELECT 1 FROM findings f WHERE f.image_id = i.id AND f.resolved_at IS NULL");
            if (filter.minSeverity() != null) {
                where.append(" AND f.severity = ANY(:severities)");
                params.put("severities", Arrays.stream(Severity.values()).filter(s -> s.compareTo(filter.minSeverity()) >= 0)
                        .map(Enum::name).toArray(String[]::new));
            }
            if (filter.fixableOnly()) {
                where.append(" AND cardinality(f.fixed_versions) > 0");
            }
            where.append(")");
        }
        if (filter.os() != null && !filter.os().isBlank()) {
            where.append(" AND (i.os_id = :os OR i.os_id || ':' || i.os_version = :os)");
            params.put("os", filter.os());
        }
        if (filter.eol() != null) {
            where.append(" AND i.os_eol = :eol");
            params.put("eol", filter.eol());
        }
        String from = " FROM images i JOIN repositories r ON r.id = i.repository_id WHERE " + where;
        long total = jdbc.sql("SELECT count(*)" + from).params(params).query(Long.class).single();
        List<ImageSummary> items = jdbc.sql("""
                SELECT i.id, r.registry, r.name,
                       ARRAY(SELECT h.tag FROM tag_heads h WHERE h.image_id = i.id AND h.tag NOT LIKE '@%' ORDER BY h.tag),
                       i.platform, i.digest, i.manifest_digest, i.os_id, i.os_version, i.os_name, i.os_eol, i.os_eol_date,
                       i.first_seen, i.last_scanned_at, i.vulndb_version,
                       ARRAY(SELECT s.severity || '=' || count(DISTINCT (s.vulnerability_id, s.package_location)) FROM findings s
                              WHERE s.image_id = i.id AND s.resolved_at IS NULL GROUP BY s.severity),
                       (SELECT count(DISTINCT (s.vulnerability_id, s.package_location)) FROM findings s
                         WHERE s.image_id = i.id AND s.resolved_at IS NULL AND cardinality(s.fixed_versions) > 0)
                """ + from + " ORDER BY r.registry, r.name, i.last_scanned_at DESC LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> summary(rs)).list();
        return new Page<>(items, page.page(), page.size(), total);
    }

    private static ImageSummary summary(ResultSet rs) throws SQLException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String pair : strings(rs, 16)) {
            int eq = pair.lastIndexOf('=');
            counts.put(pair.substring(0, eq), Integer.parseInt(pair.substring(eq + 1)));
        }
        java.sql.Date eolDate = rs.getDate(12);
        return new ImageSummary(rs.getLong(1), rs.getString(2), rs.getString(3), strings(rs, 4), rs.getString(5), rs.getString(6),
                rs.getString(7), new Os(rs.getString(8), rs.getString(9), rs.getString(10), rs.getBoolean(11), eolDate == null ? null : eolDate.toLocalDate()),
                instant(rs.getTimestamp(13)), instant(rs.getTimestamp(14)), rs.getString(15), counts, rs.getInt(17));
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** {@code *} within one path segment, {@code **} across segments, {@code ?} one character. */
    static String globToRegex(String glob) {
        StringBuilder re = new StringBuilder("^");
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                re.append(".*");
                i++;
            } else if (c == '*') {
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else if ("\\.[]{}()+-^$|".indexOf(c) >= 0) {
                re.append('\\').append(c);
            } else {
                re.append(c);
            }
        }
        return re.append('$').toString();
    }

    // ---- one image ----

    public record Finding(String vulnerability, List<String> aliases, String severity, String packageName, String packageVersion,
                          String packageType, String purl, String path, String layer, List<String> fixedVersions, String title,
                          Instant firstSeen, Instant fixableSince, Instant reintroducedAt) {
    }

    public record ConfigIssue(String id, String severity, String title, String detail) {
    }

    public record Secret(String rule, String severity, String title, String location, int line, String layer, String redacted) {
    }

    public record Layer(int position, String digest, int packages) {
    }

    public record PackageEntry(String name, String version, String type, String purl, String source, List<String> locations, String layer) {
    }

    public record Scan(String eventId, String tag, String digest, String platform, String status, String error, List<String> warnings,
                       int packages, int findings, String vulnDbVersion, String scannerVersion, Instant scannedAt) {
    }

    public record ImageReport(ImageSummary image, List<String> platforms, List<Layer> layers, List<Finding> findings,
                              List<ConfigIssue> configFindings, List<Secret> secrets, Scan lastScan, List<PackageEntry> packages) {
    }

    /** The current report of a digest (index or platform manifest) or of {@code [registry/]repository:tag}. */
    public ImageReport report(String reference, String platform, boolean withPackages) {
        long imageId = resolve(reference, platform);
        ImageSummary image = jdbc.sql("""
                SELECT i.id, r.registry, r.name,
                       ARRAY(SELECT h.tag FROM tag_heads h WHERE h.image_id = i.id AND h.tag NOT LIKE '@%' ORDER BY h.tag),
                       i.platform, i.digest, i.manifest_digest, i.os_id, i.os_version, i.os_name, i.os_eol, i.os_eol_date,
                       i.first_seen, i.last_scanned_at, i.vulndb_version,
                       ARRAY(SELECT s.severity || '=' || count(DISTINCT (s.vulnerability_id, s.package_location)) FROM findings s
                              WHERE s.image_id = i.id AND s.resolved_at IS NULL GROUP BY s.severity),
                       (SELECT count(DISTINCT (s.vulnerability_id, s.package_location)) FROM findings s
                         WHERE s.image_id = i.id AND s.resolved_at IS NULL AND cardinality(s.fixed_versions) > 0)
                  FROM images i JOIN repositories r ON r.id = i.repository_id WHERE i.id = :id""")
                .param("id", imageId).query((rs, n) -> summary(rs)).single();
        List<String> platforms = jdbc.sql("SELECT coalesce(platform, '') FROM images WHERE digest = :d AND repository_id = (SELECT repository_id FROM images WHERE id = :id) ORDER BY 1")
                .param("d", image.digest()).param("id", imageId).query(String.class).list();
        List<Layer> layers = jdbc.sql("""
                SELECT il.position, li.layer_digest, li.package_count FROM image_layers il JOIN layer_inventories li ON li.id = il.inventory_id
                 WHERE il.image_id = :id ORDER BY il.position""")
                .param("id", imageId).query((rs, n) -> new Layer(rs.getInt(1), rs.getString(2), rs.getInt(3))).list();
        List<Finding> findings = jdbc.sql("""
                SELECT DISTINCT ON (f.vulnerability_id, f.package_location)
                       f.vulnerability_id, f.aliases, f.severity, f.package_name, f.package_version, f.package_type, f.purl,
                       f.package_location, f.layer_digest, f.fixed_versions, f.title, f.first_seen, f.fixable_since, f.reintroduced_at
                  FROM findings f WHERE f.image_id = :id AND f.resolved_at IS NULL
                 ORDER BY f.vulnerability_id, f.package_location, f.first_seen""")
                .param("id", imageId)
                .query((rs, n) -> new Finding(rs.getString(1), strings(rs, 2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), strings(rs, 10), rs.getString(11),
                        instant(rs.getTimestamp(12)), instant(rs.getTimestamp(13)), instant(rs.getTimestamp(14))))
                .list();
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort((a, b) -> Severity.parseLenient(b.severity()).compareTo(Severity.parseLenient(a.severity())));
        List<ConfigIssue> config = jdbc.sql("SELECT rule_id, severity, title, detail FROM config_findings WHERE image_id = :id ORDER BY rule_id")
                .param("id", imageId).query((rs, n) -> new ConfigIssue(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
        List<Secret> secrets = jdbc.sql("SELECT rule_id, severity, title, location, line, layer, redacted FROM secret_findings WHERE image_id = :id ORDER BY ordinal")
                .param("id", imageId).query((rs, n) -> new Secret(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getString(6), rs.getString(7))).list();
        Scan last = jdbc.sql(SCAN_COLUMNS + " WHERE s.image_id = :id ORDER BY s.scanned_at DESC LIMIT 1")
                .param("id", imageId).query((rs, n) -> scan(rs)).optional().orElse(null);
        List<PackageEntry> packages = withPackages ? packages(imageId) : null;
        return new ImageReport(image, platforms, layers, sorted, config, secrets, last, packages);
    }

    private List<PackageEntry> packages(long imageId) {
        return jdbc.sql("""
                SELECT p.name, p.version, p.type, p.purl, p.source_name, p.locations, li.layer_digest
                  FROM image_layers il JOIN layer_inventories li ON li.id = il.inventory_id
                  JOIN inventory_packages p ON p.inventory_id = il.inventory_id
                 WHERE il.image_id = :id ORDER BY il.position, p.ordinal""")
                .param("id", imageId)
                .query((rs, n) -> new PackageEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        strings(rs, 6), rs.getString(7)))
                .list();
    }

    private static final String SCAN_COLUMNS = """
            SELECT s.event_id, s.tag, s.digest, s.platform, s.status, s.error, s.warnings, s.package_count, s.finding_count,
                   s.vulndb_version, s.scanner_version, s.scanned_at FROM scans s""";

    private static Scan scan(ResultSet rs) throws SQLException {
        return new Scan(rs.getString(1), rs.getString(2), rs.getString(3), blank(rs.getString(4)), rs.getString(5), rs.getString(6),
                strings(rs, 7), rs.getInt(8), rs.getInt(9), rs.getString(10), rs.getString(11), instant(rs.getTimestamp(12)));
    }

    /** Every stored scan of {@code [registry/]repository:tag} (or of a digest), newest first: the tag's history across pushes. */
    public Page<Scan> history(String reference, PageRequest page) {
        Ref ref = Ref.parse(reference);
        String where;
        Map<String, Object> params = new LinkedHashMap<>();
        if (ref.digest() != null) {
            where = "s.digest = :digest OR s.image_id IN (SELECT id FROM images WHERE manifest_digest = :digest)";
            params.put("digest", ref.digest());
        } else {
            where = "s.tag = :tag AND s.repository_id IN (SELECT id FROM repositories WHERE name = :repo AND (:registry = '' OR registry = :registry))";
            params.put("tag", ref.tag());
            params.put("repo", ref.repository());
            params.put("registry", ref.registry() == null ? "" : ref.registry());
        }
        long total = jdbc.sql("SELECT count(*) FROM scans s WHERE " + where).params(params).query(Long.class).single();
        if (total == 0) {
            throw new NotFoundException("no scans stored for " + reference);
        }
        List<Scan> items = jdbc.sql(SCAN_COLUMNS + " WHERE " + where + " ORDER BY s.scanned_at DESC LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset()).query((rs, n) -> scan(rs)).list();
        return new Page<>(items, page.page(), page.size(), total);
    }

    @Transactional
    public int forget(String digest) {
        if (digest == null || !DIGEST.matcher(digest).matches()) {
            throw new BadQueryException("digest", String.valueOf(digest), "expected sha256:<64 hex>");
        }
        int deleted = jdbc.sql("DELETE FROM images WHERE digest = :d OR manifest_digest = :d").param("d", digest).update();
        if (deleted == 0) {
            throw new NotFoundException("no image " + digest);
        }
        return deleted;
    }

    private long resolve(String reference, String platform) {
        Ref ref = Ref.parse(reference);
        List<Long> ids;
        if (ref.digest() != null) {
            ids = jdbc.sql("""
                    SELECT id FROM images WHERE (manifest_digest = :d OR digest = :d) AND (:platform = '' OR platform = :platform)
                     ORDER BY (manifest_digest = :d) DESC, platform NULLS FIRST, last_scanned_at DESC""")
                    .param("d", ref.digest()).param("platform", platform == null ? "" : platform).query(Long.class).list();
        } else {
            ids = jdbc.sql("""
                    SELECT h.image_id FROM tag_heads h JOIN repositories r ON r.id = h.repository_id
                     WHERE r.name = :repo AND h.tag = :tag AND (:registry = '' OR r.registry = :registry)
                       AND (:platform = '' OR h.platform = :platform)
                     ORDER BY h.platform, h.scanned_at DESC""")
                    .param("repo", ref.repository()).param("tag", ref.tag()).param("registry", ref.registry() == null ? "" : ref.registry())
                    .param("platform", platform == null ? "" : platform).query(Long.class).list();
        }
        if (ids.isEmpty()) {
            throw new NotFoundException("no image " + reference + (platform == null ? "" : " for platform " + platform) + " in the store");
        }
        return ids.getFirst();
    }

    /** {@code sha256:…}, {@code repository:tag} or {@code registry/repository:tag}. */
    record Ref(String registry, String repository, String tag, String digest) {

        private static final Pattern REPOSITORY = Pattern.compile("[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*)*");
        private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");

        static Ref parse(String text) {
            if (text != null && DIGEST.matcher(text).matches()) {
                return new Ref(null, null, null, text);
            }
            int colon = text == null ? -1 : text.lastIndexOf(':');
            if (colon <= 0 || text.indexOf('/', colon) >= 0) {
                throw new BadQueryException("image", String.valueOf(text), "expected sha256:<digest>, repository:tag or registry/repository:tag");
            }
            String name = text.substring(0, colon);
            String tag = text.substring(colon + 1);
            String registry = null;
            int slash = name.indexOf('/');
            if (slash > 0) {
                String first = name.substring(0, slash);
                if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                    registry = first;
                    name = name.substring(slash + 1);
                }
            }
            if (!REPOSITORY.matcher(name).matches() || !TAG.matcher(tag).matches()) {
                throw new BadQueryException("image", text, "expected sha256:<digest>, repository:tag or registry/repository:tag");
            }
            return new Ref(registry, name, tag, null);
        }
    }
}
