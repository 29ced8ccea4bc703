package dev.layerwatch.engine.scan;

import dev.layerwatch.common.image.Platform;
import dev.layerwatch.engine.analysis.AnalysisListener;
import dev.layerwatch.engine.assembly.ImageAnalyzer;
import dev.layerwatch.engine.assembly.ImageInventory;
import dev.layerwatch.engine.image.ImageSource;
import dev.layerwatch.engine.match.MatchReport;
import dev.layerwatch.engine.match.VulnerabilityMatcher;
import dev.layerwatch.engine.policy.FindingPolicy;
import dev.layerwatch.engine.policy.PolicyResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The engine's one entry point, used by the CLI and the services alike: analyse every selected platform
 * image, match its packages against the vulnerability database, apply the policy. Returns domain values
 * ({@link ImageScan}); writing reports and publishing events are the callers' business.
 */
public final class ScanEngine {

    private final ImageAnalyzer analyzer;
    private final Supplier<Optional<VulnerabilityMatcher>> matcher;
    private final FindingPolicy policy;

    /**
     * @param matcher asked once per image: empty when there is no database (yet), and the image is then
     *                reported unmatched
     */
    public ScanEngine(ImageAnalyzer analyzer, Supplier<Optional<VulnerabilityMatcher>> matcher, FindingPolicy policy) {
        this.analyzer = analyzer;
        this.matcher = matcher;
        this.policy = policy;
    }

    /** Analysis only: nothing is matched (an SBOM). */
    public static ScanEngine analysisOnly(ImageAnalyzer analyzer) {
        return new ScanEngine(analyzer, Optional::empty, FindingPolicy.permissive());
    }

    /** Analyses, matches and judges every platform image {@code source} offers (or those {@code platform} selects). */
    public List<ImageScan> scan(ImageSource source, Platform platform, AnalysisListener listener) throws IOException {
        List<ImageScan> scans = new ArrayList<>();
        for (ImageInventory inventory : analyzer.scan(source, platform, listener)) {
            scans.add(check(inventory));
        }
        return scans;
    }

    /** Matches one inventory and applies the policy to its findings. */
    public ImageScan check(ImageInventory inventory) {
        Optional<VulnerabilityMatcher> m = matcher.get();
        if (m.isEmpty()) {
            return ImageScan.unmatched(inventory);
        }
        MatchReport matched = m.get().matchReport(inventory.packages(), inventory.os());
        PolicyResult result = policy.apply(matched.findings());
        return new ImageScan(inventory, matched.snapshotVersion(), result.findings(), result.suppressed(), matched.warnings(),
                result.exitCode());
    }

    /** The exit code a set of scans asks for: the highest any image's policy asked for. */
    public static int exitCode(List<ImageScan> scans) {
        return scans.stream().mapToInt(ImageScan::exitCode).max().orElse(0);
    }
}
