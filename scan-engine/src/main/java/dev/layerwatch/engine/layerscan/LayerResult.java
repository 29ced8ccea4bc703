package dev.layerwatch.engine.layerscan;

import dev.layerwatch.common.finding.SecretFinding;
import java.util.List;
import java.util.Map;

/**
 * Everything the analysis keeps of one layer, independent of the images that share it: what the
 * per-layer cache stores (as JSON) and what the whiteout resolution merges.
 *
 * @param layer          the layer digest (as the manifest names it)
 * @param diffId         the digest of the decompressed tar as read, null when not read to the end
 * @param complete       false when a cap stopped the walk early
 * @param failure        why the layer could not be analysed, null when it was; a failed layer contributes only its warnings
 * @param files          paths that matter to the merge, in tar order
 * @param whiteouts      paths this layer deletes from lower layers
 * @param opaqueDirs     directories whose lower-layer children this layer hides ("" = the root)
 * @param osReleaseFiles os-release candidates present in this layer: path → content
 */
public record LayerResult(
        String layer,
        String diffId,
        boolean complete,
        String failure,
        List<LayerFile> files,
        List<String> whiteouts,
        List<String> opaqueDirs,
        Map<String, String> osReleaseFiles,
        List<SecretFinding> secrets,
        List<String> warnings) {

    public LayerResult {
        files = files == null ? List.of() : List.copyOf(files);
        whiteouts = whiteouts == null ? List.of() : List.copyOf(whiteouts);
        opaqueDirs = opaqueDirs == null ? List.of() : List.copyOf(opaqueDirs);
        osReleaseFiles = osReleaseFiles == null ? Map.of() : Map.copyOf(osReleaseFiles);
        secrets = secrets == null ? List.of() : List.copyOf(secrets);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public static LayerResult failed(String layer, String failure, List<String> warnings) {
        return new LayerResult(layer, null, false, failure, List.of(), List.of(), List.of(), Map.of(), List.of(), warnings);
    }

    public boolean failed() {
        return failure != null;
    }
}
