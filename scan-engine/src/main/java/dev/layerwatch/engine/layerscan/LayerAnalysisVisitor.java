package dev.layerwatch.engine.layerscan;

import dev.layerwatch.common.finding.SecretFinding;
import dev.layerwatch.engine.analysis.AnalyzerSet;
import dev.layerwatch.engine.analysis.LayerFileScanner;
import dev.layerwatch.engine.catalog.CatalogResult;
import dev.layerwatch.engine.catalog.PackageCataloger;
import dev.layerwatch.engine.inventory.Package;
import dev.layerwatch.engine.layer.FileMeta;
import dev.layerwatch.engine.layer.LayerEntryKind;
import dev.layerwatch.engine.layer.LayerEntryVisitor;
import dev.layerwatch.engine.layer.LayerWarnings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Dispatches one layer's files to the catalogers, scanners and the os-release reader that want them,
 * and collects what the merge needs. A file wanted by one reader is streamed to it; a file wanted by
 * several (up to {@link #SHARED_FILE_CAP}) is read from the layer once and replayed to each in turn,
 * kept in memory only as far as an earlier reader read it ({@link SharedFileContent}).
 */
final class LayerAnalysisVisitor implements LayerEntryVisitor {

    static final int OS_RELEASE_CAP = 64 * 1024;
    static final int SHARED_FILE_CAP = 32 << 20;

    private final AnalyzerSet set;
    private final Set<String> osReleasePaths;
    private final String layer;
    private final LayerWarnings warnings;

    private final Map<String, LayerFile> files = new LinkedHashMap<>();
    private final List<String> whiteouts = new ArrayList<>();
    private final List<String> opaqueDirs = new ArrayList<>();
    private final Map<String, String> osReleaseFiles = new LinkedHashMap<>();
    private final List<SecretFinding> secrets = new ArrayList<>();

    private final List<PackageCataloger> wantingCatalogers = new ArrayList<>();
    private final List<LayerFileScanner> wantingScanners = new ArrayList<>();
    private boolean wantingOsRelease;

    LayerAnalysisVisitor(AnalyzerSet set, String layer, LayerWarnings warnings) {
        this.set = set;
        this.osReleasePaths = Set.copyOf(set.osRelease().pathsByPrecedence());
        this.layer = layer;
        this.warnings = warnings;
    }

    @Override
    public void entry(String path, LayerEntryKind kind, String linkTarget) {
        if (kind == LayerEntryKind.DIRECTORY) {
            return;
        }
        if (set.trackedPaths().contains(path) || osReleasePaths.contains(path)) {
            files.put(path, new LayerFile(path, kind, linkTarget, List.of()));
        }
    }

    @Override
    public boolean wants(FileMeta file) {
        wantingCatalogers.clear();
        wantingScanners.clear();
        for (PackageCataloger c : set.catalogers()) {
            if (safeWants(c.name(), () -> c.wants(file), file)) {
                wantingCatalogers.add(c);
            }
        }
        for (LayerFileScanner s : set.scanners()) {
            if (safeWants(s.name(), () -> s.wants(file), file)) {
                wantingScanners.add(s);
            }
        }
        wantingOsRelease = osReleasePaths.contains(file.path()) && file.size() <= OS_RELEASE_CAP;
        return !wantingCatalogers.isEmpty() || !wantingScanners.isEmpty() || wantingOsRelease;
    }

    @Override
    public void read(FileMeta file, InputStream content) throws IOException {
        int readers = wantingCatalogers.size() + wantingScanners.size() + (wantingOsRelease ? 1 : 0);
        SharedFileContent shared = null;
        if (readers > 1) {
            if (file.size() <= SHARED_FILE_CAP) {
                shared = new SharedFileContent(content, file.size());
            } else {
                warnings.add("layer " + layer + ": " + file.location() + " (" + file.size()
                        + " bytes) is read only by " + firstReaderName() + ": too large to share between readers");
                readers = 1;
            }
        }
        int[] turnsLeft = {readers};
        List<Package> found = new ArrayList<>();
        boolean cataloged = false;
        if (shared != null) {
            // scanners go first when a file is shared: the secret scanner gives up on a binary after a few
            // KiB, so an executable the Go cataloger then reads on through is kept in memory only that far
            scan(file, shared, content, turnsLeft);
        }
        for (PackageCataloger c : wantingCatalogers) {
            if (turnsLeft[0] == 0) {
                break;
            }
            cataloged = true;
            try {
                CatalogResult result = c.catalog(file, turn(shared, content, turnsLeft));
                found.addAll(result.packages());
                result.warnings().forEach(w -> warnings.add(c.name() + ": " + w));
            } catch (RuntimeException e) {
                warnings.add("cataloger " + c.name() + " failed on " + file.location() + ": " + e);
            }
        }
        if (shared == null) {
            scan(file, null, content, turnsLeft);
        }
        if (wantingOsRelease && turnsLeft[0] > 0) {
            byte[] bytes = turn(shared, content, turnsLeft).readNBytes(OS_RELEASE_CAP);
            osReleaseFiles.put(file.path(), new String(bytes, StandardCharsets.UTF_8));
        }
        if (cataloged || files.containsKey(file.path())) {
            files.put(file.path(), new LayerFile(file.path(), LayerEntryKind.FILE, null, found));
        }
    }

    private void scan(FileMeta file, SharedFileContent shared, InputStream content, int[] turnsLeft) throws IOException {
        for (LayerFileScanner s : wantingScanners) {
            if (turnsLeft[0] == 0) {
                break;
            }
            try {
                secrets.addAll(s.scan(file, turn(shared, content, turnsLeft), layer));
            } catch (RuntimeException e) {
                warnings.add("scanner " + s.name() + " failed on " + file.location() + ": " + e);
            }
        }
    }

    /** The stream the next reader gets: the file itself when it has one reader, else a replay from its start. */
    private static InputStream turn(SharedFileContent shared, InputStream content, int[] turnsLeft) {
        turnsLeft[0]--;
        return shared == null ? content : shared.reader(turnsLeft[0] == 0);
    }

    @Override
    public void whiteout(String path) {
        whiteouts.add(path);
    }

    @Override
    public void opaque(String dir) {
        opaqueDirs.add(dir);
    }

    LayerResult result(String diffId, boolean complete, List<String> allWarnings) {
        return new LayerResult(layer, diffId, complete, null, List.copyOf(files.values()), whiteouts, opaqueDirs,
                osReleaseFiles, secrets, allWarnings);
    }

    private String firstReaderName() {
        if (!wantingCatalogers.isEmpty()) {
            return "cataloger " + wantingCatalogers.getFirst().name();
        }
        return wantingScanners.isEmpty() ? "the os-release reader" : "scanner " + wantingScanners.getFirst().name();
    }

    private boolean safeWants(String name, java.util.function.BooleanSupplier wants, FileMeta file) {
        try {
            return wants.getAsBoolean();
        } catch (RuntimeException e) {
            warnings.add(name + " could not decide on " + file.location() + ": " + e);
            return false;
        }
    }
}
