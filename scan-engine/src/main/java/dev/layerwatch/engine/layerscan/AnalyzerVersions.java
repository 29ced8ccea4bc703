package dev.layerwatch.engine.layerscan;

import dev.layerwatch.engine.analysis.AnalyzerSet;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The per-layer cache key: the layer digest plus a hash of every per-layer analyzer's name and
 * version, so bumping a cataloger's version (or adding one) invalidates every cached layer result.
 */
public final class AnalyzerVersions {

    /** Bumped when the engine's own per-layer output (LayerResult's shape, path rules) changes. */
    static final int LAYER_RESULT_FORMAT = 1;

    private final String hash;

    public AnalyzerVersions(AnalyzerSet set) {
        List<String> parts = new ArrayList<>();
        parts.add("layer-result:" + LAYER_RESULT_FORMAT);
        set.catalogers().forEach(c -> parts.add("cataloger:" + c.name() + ":" + c.version()));
        set.scanners().forEach(s -> parts.add("scanner:" + s.name() + ":" + s.version()));
        parts.add("os-release:" + String.join(",", set.osRelease().pathsByPrecedence()));
        parts.add("tracked:" + String.join(",", set.trackedPaths().stream().sorted().toList()));
        this.hash = sha256(String.join("\n", parts)).substring(0, 16);
    }

    /** The short hash of analyzer names × versions. */
    public String hash() {
        return hash;
    }

    /** {@code layer:<digest>:<hash>}, the key a {@link LayerResultCache} stores a layer's result under. */
    public String key(String layerDigest) {
        return "layer:" + layerDigest + ":" + hash;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
