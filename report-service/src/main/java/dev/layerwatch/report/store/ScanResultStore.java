package dev.layerwatch.report.store;

import dev.layerwatch.common.event.OsSummary;
import dev.layerwatch.common.event.ScanCompleted;
import dev.layerwatch.common.finding.ConfigFinding;
import dev.layerwatch.common.finding.SecretFinding;
import dev.layerwatch.common.finding.VulnerabilityFinding;
import dev.layerwatch.common.inventory.InventoryPackage;
import dev.layerwatch.common.inventory.LayerInventory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores one scan result in one transaction. Idempotent by event id: a redelivered result changes nothing.
 * A result older than the newest one stored for its (repository, tag, platform) is kept in the history but does not
 * move the findings lifecycle backwards.
 */
@Repository
public class ScanResultStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;

    public ScanResultStore(JdbcClient jdbc, JdbcTemplate batch, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
    }

    public enum Outcome { STORED, DUPLICATE }

    @Transactional
    public Outcome store(ScanCompleted result) {
        Instant now = clock.instant();
        Instant scannedAt = result.scannedAt() == null ? now : result.scannedAt();
        long repositoryId = repository(result.registry(), result.repository());
        String platform = result.platform() == null ? "" : result.platform().toString();
        String digest = result.digest() == null ? null : result.digest().toString();
        int inserted = jdbc.sql("""
                INSERT INTO scans (event_id, causation_id, repository_id, tag, digest, platform, status, error, warnings,
                                   package_count, finding_count, vulndb_version, scanner_version, scanned_at, stored_at)
                VALUES (:eventId, :causationId, :repositoryId, :tag, :digest, :platform, :status, :error, :warnings,
                        :packages, :findings, :vulndb, :scanner, :scannedAt, :now)
                ON CONFLICT (event_id) DO NOTHING""")
                .param("eventId", result.eventId())
                .param("causationId", result.causationId())
                .param("repositoryId", repositoryId)
                .param("tag", result.tag())
                .param("digest", digest == null ? "" : digest)
                .param("platform", platform)
                .param("status", result.status().name())
                .param("error", result.error())
                .param("warnings", result.warnings().toArray(String[]::new))
                .param("packages", result.inventory().stream().mapToInt(l -> l.packages().size()).sum())
                .param("findings", result.findings().size())
                .param("vulndb", result.vulnDbVersion())
                .param("scanner", result.scannerVersion())
                .param("scannedAt", Timestamp.from(scannedAt))
                .param("now", Timestamp.from(now))
                .update();
        if (inserted == 0) {
            return Outcome.DUPLICATE;
        }
        if (result.status() == ScanCompleted.Status.FAILED || digest == null) {
            return Outcome.STORED;
        }
        String manifestDigest = result.manifestDigest() == null ? digest : result.manifestDigest().toString();
        long imageId = image(repositoryId, digest, manifestDigest, platform, result.os(), result, scannedAt);
        jdbc.sql("UPDATE scans SET image_id = :image WHERE event_id = :eventId")
                .param("image", imageId).param("eventId", result.eventId()).update();
        if (result.tag() != null) {
            jdbc.sql("""
                    INSERT INTO tags (repository_id, tag, digest, first_seen, last_seen) VALUES (:repo, :tag, :digest, :at, :at)
                    ON CONFLICT (repository_id, tag, digest) DO UPDATE
                       SET first_seen = least(tags.first_seen, excluded.first_seen), last_seen = greatest(tags.last_seen, excluded.last_seen)""")
                    .param("repo", repositoryId).param("tag", result.tag()).param("digest", digest).param("at", Timestamp.from(scannedAt))
                    .update();
        }
        if (!result.inventory().isEmpty()) {
            storeInventory(imageId, result.inventory(), now);
        }
        replaceConfigAndSecrets(imageId, result.configFindings(), result.secrets());
        String tagKey = result.tag() != null ? result.tag() : "@" + digest;
        if (advanceHead(repositoryId, tagKey, platform, imageId, scannedAt)) {
            updateLifecycle(repositoryId, tagKey, platform, imageId, result, scannedAt);
        }
        return Outcome.STORED;
    }

    private long repository(String registry, String name) {
        jdbc.sql("INSERT INTO repositories (registry, name) VALUES (:registry, :name) ON CONFLICT DO NOTHING")
                .param("registry", registry).param("name", name).update();
        return jdbc.sql("SELECT id FROM repositories WHERE registry = :registry AND name = :name")
                .param("registry", registry).param("name", name).query(Long.class).single();
    }

    private long image(long repositoryId, String digest, String manifestDigest, String platform, OsSummary os,
                       ScanCompleted result, Instant scannedAt) {
        return jdbc.sql("""
                INSERT INTO images (repository_id, digest, manifest_digest, platform, os_id, os_version, os_name, os_eol,
                                    os_eol_date, first_seen, last_scanned_at, vulndb_version, scanner_version)
                VALUES (:repo, :digest, :manifest, :platform, :osId, :osVersion, :osName, :eol, :eolDate, :at, :at, :vulndb, :scanner)
                ON CONFLICT (repository_id, manifest_digest) DO UPDATE SET
                    first_seen = least(images.first_seen, excluded.first_seen),
                    last_scanned_at = greatest(images.last_scanned_at, excluded.last_scanned_at),
                    os_id = excluded.os_id, os_version = excluded.os_version, os_name = excluded.os_name,
                    os_eol = excluded.os_eol, os_eol_date = excluded.os_eol_date,
                    vulndb_version = excluded.vulndb_version, scanner_version = excluded.scanner_version
                RETURNING id""")
                .param("repo", repositoryId)
                .param("digest", digest)
                .param("manifest", manifestDigest)
                .param("platform", platform.isEmpty() ? null : platform)
                .param("osId", os == null ? null : os.id())
                .param("osVersion", os == null ? null : os.versionId())
                .param("osName", os == null ? null : os.prettyName())
                .param("eol", os != null && os.eol())
                .param("eolDate", os == null || os.eolDate() == null ? null : java.sql.Date.valueOf(os.eolDate()))
                .param("at", Timestamp.from(scannedAt))
                .param("vulndb", result.vulnDbVersion())
                .param("scanner", result.scannerVersion())
                .query(Long.class).single();
    }

    /** Each layer's share once by content; the image only points at them. */
    private void storeInventory(long imageId, List<LayerInventory> layers, Instant now) {
        List<String> ids = new ArrayList<>(layers.size());
        Set<String> seen = new HashSet<>();
        for (LayerInventory layer : layers) {
            String id = LayerInventoryId.of(layer);
            ids.add(id);
            if (!seen.add(id)) {
                continue;
            }
            int created = jdbc.sql("""
                    INSERT INTO layer_inventories (id, layer_digest, package_count, created_at) VALUES (:id, :layer, :count, :now)
                    ON CONFLICT (id) DO NOTHING""")
                    .param("id", id).param("layer", layer.layer()).param("count", layer.packages().size())
                    .param("now", Timestamp.from(now)).update();
            if (created == 1 && !layer.packages().isEmpty()) {
                insertPackages(id, layer.packages());
            }
        }
        jdbc.sql("DELETE FROM image_layers WHERE image_id = :image").param("image", imageId).update();
        List<Object[]> rows = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            rows.add(new Object[] {imageId, i, ids.get(i)});
        }
        batch.batchUpdate("INSERT INTO image_layers (image_id, position, inventory_id) VALUES (?, ?, ?)", rows);
    }

    private void insertPackages(String inventoryId, List<InventoryPackage> packages) {
        List<Object[]> rows = new ArrayList<>(packages.size());
        int ordinal = 0;
        for (InventoryPackage p : packages) {
            rows.add(new Object[] {inventoryId, ordinal++, p.type(), p.name(), p.version(), p.purl(),
                    PackageUrls.withoutVersion(p.purl()), p.source(), p.sourceVersion(), p.locations().toArray(String[]::new)});
        }
        batch.batchUpdate("""
                INSERT INTO inventory_packages (inventory_id, ordinal, type, name, version, purl, purl_name, source_name,
                                                source_version, locations)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    private void replaceConfigAndSecrets(long imageId, List<ConfigFinding> config, List<SecretFinding> secrets) {
        jdbc.sql("DELETE FROM config_findings WHERE image_id = :image").param("image", imageId).update();
        jdbc.sql("DELETE FROM secret_findings WHERE image_id = :image").param("image", imageId).update();
        List<Object[]> configRows = new ArrayList<>();
        Set<String> rules = new HashSet<>();
        for (ConfigFinding c : config) {
            if (rules.add(c.id())) {
                configRows.add(new Object[] {imageId, c.id(), c.severity().name(), c.title(), c.detail()});
            }
        }
        batch.batchUpdate("INSERT INTO config_findings (image_id, rule_id, severity, title, detail) VALUES (?, ?, ?, ?, ?)", configRows);
        List<Object[]> secretRows = new ArrayList<>();
        for (int i = 0; i < secrets.size(); i++) {
            SecretFinding s = secrets.get(i);
            secretRows.add(new Object[] {imageId, i, s.ruleId(), s.severity().name(), s.title(), s.location(), s.line(), s.layer(), s.redacted()});
        }
        batch.batchUpdate("""
                INSERT INTO secret_findings (image_id, ordinal, rule_id, severity, title, location, line, layer, redacted)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", secretRows);
    }

    /** Makes this image the head of its tag unless a newer scan already is; true when it is the head now. */
    private boolean advanceHead(long repositoryId, String tag, String platform, long imageId, Instant scannedAt) {
        return jdbc.sql("""
                INSERT INTO tag_heads (repository_id, tag, platform, image_id, scanned_at) VALUES (:repo, :tag, :platform, :image, :at)
                ON CONFLICT (repository_id, tag, platform) DO UPDATE SET image_id = excluded.image_id, scanned_at = excluded.scanned_at
                 WHERE tag_heads.scanned_at <= excluded.scanned_at""")
                .param("repo", repositoryId).param("tag", tag).param("platform", platform).param("image", imageId)
                .param("at", Timestamp.from(scannedAt)).update() == 1;
    }

    private void updateLifecycle(long repositoryId, String tag, String platform, long imageId, ScanCompleted result, Instant at) {
        Timestamp seen = Timestamp.from(at);
        List<Object[]> rows = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (VulnerabilityFinding f : result.findings()) {
            String location = FindingLocations.of(f);
            if (!keys.add(f.id() + "\0" + location)) {
                continue;
            }
            rows.add(new Object[] {repositoryId, tag, platform, f.id(), location, f.aliases().toArray(String[]::new), imageId,
                    f.pkg().name(), f.pkg().version(), f.pkg().type(), f.pkg().purl(), f.layer(), f.severity().name(),
                    f.fixedVersions().toArray(String[]::new), f.title(), f.source(), result.vulnDbVersion(), seen, seen,
                    f.fixable() ? seen : null});
        }
        batch.batchUpdate("""
                INSERT INTO findings (repository_id, tag, platform, vulnerability_id, package_location, aliases, image_id,
                                      package_name, package_version, package_type, purl, layer_digest, severity, fixed_versions,
                                      title, source, vulndb_version, first_seen, last_seen, fixable_since)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (repository_id, tag, platform, vulnerability_id, package_location) DO UPDATE SET
                    aliases = excluded.aliases, image_id = excluded.image_id, package_version = excluded.package_version,
                    purl = excluded.purl, layer_digest = excluded.layer_digest, severity = excluded.severity,
                    fixed_versions = excluded.fixed_versions, title = excluded.title, source = excluded.source,
                    vulndb_version = excluded.vulndb_version, last_seen = excluded.last_seen,
                    fixable_since = coalesce(findings.fixable_since, excluded.fixable_since),
                    reintroduced_at = CASE WHEN findings.resolved_at IS NOT NULL THEN excluded.last_seen ELSE findings.reintroduced_at END,
                    reintroduced_count = findings.reintroduced_count + CASE WHEN findings.resolved_at IS NOT NULL THEN 1 ELSE 0 END,
                    resolved_at = NULL, resolution = NULL""", rows);
        // open findings of this tag that the new result no longer has: fixed by this push, or the advisory went away
        jdbc.sql("""
                UPDATE findings SET resolved_at = :at,
                       resolution = CASE WHEN image_id = :image THEN 'advisory-withdrawn' ELSE 'fixed-by-push' END
                 WHERE repository_id = :repo AND tag = :tag AND platform = :platform AND resolved_at IS NULL AND last_seen < :at""")
                .param("at", seen).param("image", imageId).param("repo", repositoryId).param("tag", tag).param("platform", platform)
                .update();
    }
}
