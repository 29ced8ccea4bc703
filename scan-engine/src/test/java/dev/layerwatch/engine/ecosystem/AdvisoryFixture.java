package dev.layerwatch.engine.ecosystem;

import dev.layerwatch.common.finding.VulnerabilityFinding;
import dev.layerwatch.engine.advisory.OsvFeedReader;
import dev.layerwatch.engine.inventory.OsRelease;
import dev.layerwatch.engine.inventory.Package;
import dev.layerwatch.engine.match.MatchReport;
import dev.layerwatch.engine.match.VulnerabilityMatcher;
import dev.layerwatch.engine.vulndb.SnapshotWriter;
import dev.layerwatch.engine.vulndb.VulnDb;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Real OSV records of one ecosystem ({@code src/test/resources/ecosystem/<eco>/advisories/}) imported into a
 * real snapshot and matched with the product's matcher, as a scan does.
 */
public final class AdvisoryFixture implements AutoCloseable {

    private final VulnDb db;
    private final VulnerabilityMatcher matcher;

    private AdvisoryFixture(VulnDb db) {
        this.db = db;
        this.matcher = new VulnerabilityMatcher(db);
    }

    public static AdvisoryFixture load(Path snapshotDir, String ecosystem) {
        try (SnapshotWriter w = SnapshotWriter.create(snapshotDir)) {
            new OsvFeedReader().read(RootfsFixture.root(ecosystem + "/advisories"), w::put);
            w.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return new AdvisoryFixture(VulnDb.open(snapshotDir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public MatchReport match(List<Package> packages) {
        return matcher.matchReport(packages, (OsRelease) null);
    }

    /** {@code name version -> ids (fixes)} per finding, sorted, for compact assertions. */
    public List<String> lines(List<Package> packages) {
        return match(packages).findings().stream().map(AdvisoryFixture::line).sorted().toList();
    }

    public static String line(VulnerabilityFinding f) {
        return f.pkg().name() + " " + f.pkg().version() + " " + f.id() + " fixed " + f.fixedVersions();
    }

    public VulnDb db() {
        return db;
    }

    @Override
    public void close() {
        db.close();
    }
}
