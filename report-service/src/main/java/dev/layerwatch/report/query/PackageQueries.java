package dev.layerwatch.report.query;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.layerwatch.engine.inventory.Ecosystem;
import dev.layerwatch.engine.version.VersionComparator;
import dev.layerwatch.engine.standard.VersionComparators;
import dev.layerwatch.report.store.PackageUrls;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Package → images: every stored image whose inventory holds a purl, optionally within a version range of the
 * ecosystem's own scheme — the question asked before any advisory exists. The range is applied to the package's
 * distinct stored versions (a handful), then the images are read by (purl, version) from the index.
 */
@Repository
public class PackageQueries {

    private final JdbcClient jdbc;

    public PackageQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Page<PackageImage> images(String purl, String range, PageRequest page) {
        PackageURL parsed;
        try {
            parsed = new PackageURL(purl == null ? "" : purl);
        } catch (MalformedPackageURLException e) {
            throw new BadQueryException("purl", String.valueOf(purl), e.getMessage());
        }
        String purlName = PackageUrls.withoutVersion(parsed.canonicalize());
        List<String> stored = jdbc.sql("SELECT DISTINCT version FROM inventory_packages WHERE purl_name = :p AND version IS NOT NULL")
                .param("p", purlName).query(String.class).list();
        List<String> versions = new ArrayList<>(stored);
        if (parsed.getVersion() != null) {
            versions.removeIf(v -> !v.equals(parsed.getVersion()));
        }
        if (range != null && !range.isBlank()) {
            VersionRange r = VersionRange.parse(range, scheme(parsed));
            versions.removeIf(v -> !r.test(v));
        }
        if (versions.isEmpty()) {
            return new Page<>(List.of(), page.page(), page.size(), 0);
        }
        String[] selected = versions.toArray(String[]::new);
        String from = """
                  FROM inventory_packages p
                  JOIN image_layers il ON il.inventory_id = p.inventory_id
                  JOIN images i ON i.id = il.image_id
                 WHERE p.purl_name = :p AND p.version = ANY(:versions)""";
        long total = jdbc.sql("SELECT count(*) " + from).param("p", purlName).param("versions", selected).query(Long.class).single();
        List<PackageImage> items = jdbc.sql("""
                SELECT r.registry, r.name,
                       ARRAY(SELECT h.tag FROM tag_heads h WHERE h.image_id = i.id AND h.tag NOT LIKE '@%' ORDER BY h.tag) AS tags,
                       i.platform, i.digest, i.manifest_digest, p.name, p.version, p.purl, p.locations, li.layer_digest
                """ + from.replace("JOIN images i ON i.id = il.image_id", """
                  JOIN images i ON i.id = il.image_id
                  JOIN repositories r ON r.id = i.repository_id
                  JOIN layer_inventories li ON li.id = p.inventory_id""") + """

                 ORDER BY r.registry, r.name, i.manifest_digest, p.inventory_id, p.ordinal
                 LIMIT :limit OFFSET :offset""")
                .param("p", purlName).param("versions", selected).param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> {
                    List<String> locations = VulnerabilityQueries.strings(rs, 10);
                    return new PackageImage(rs.getString(1), rs.getString(2), VulnerabilityQueries.strings(rs, 3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            locations.isEmpty() ? null : String.join(", ", locations), rs.getString(11));
                })
                .list();
        return new Page<>(items, page.page(), page.size(), total);
    }

    private static VersionComparator scheme(PackageURL purl) {
        try {
            return VersionComparators.forEcosystem(Ecosystem.fromPurlType(purl.getType()));
        } catch (IllegalArgumentException e) {
            throw new BadQueryException("purl", purl.canonicalize(), "no version scheme for type '" + purl.getType() + "' to apply a range with");
        }
    }
}
