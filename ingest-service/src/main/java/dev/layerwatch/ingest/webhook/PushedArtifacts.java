package dev.layerwatch.ingest.webhook;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which pushed manifests are images worth scanning. Shared by every flavour so the rules are the same whichever
 * registry sent the event.
 *
 * <p>The untagged rule: registries push the platform manifests of a multi-platform image untagged, just before the
 * tagged index that lists them, and the index is scanned with all its children. So an untagged push is scanned only
 * when the sender says it is an index; an untagged single image manifest (or an untagged push whose type the sender
 * does not say) is dropped as {@link IgnoreReason#UNTAGGED_MANIFEST}. The price: an image pushed by digest alone,
 * with no tag, is not scanned until it is tagged.
 */
public final class PushedArtifacts {

    /** How a manifest media type is treated. */
    public enum Kind { IMAGE_MANIFEST, INDEX, BLOB, OTHER, UNKNOWN }

    private static final Set<String> IMAGE_MANIFESTS = Set.of(
            "application/vnd.oci.image.manifest.v1+json",
            "application/vnd.docker.distribution.manifest.v2+json");
    private static final Set<String> INDEXES = Set.of(
            "application/vnd.oci.image.index.v1+json",
            "application/vnd.docker.distribution.manifest.list.v2+json");
    private static final Set<String> IMAGE_CONFIGS = Set.of(
            "application/vnd.oci.image.config.v1+json",
            "application/vnd.docker.container.image.v1+json");
    /** cosign's {@code sha256-<hex>.sig|.att|.sbom} and the OCI referrers fallback tag {@code sha256-<hex>}. */
    private static final Pattern SIGNATURE_TAG = Pattern.compile("sha(256|512)-[0-9a-f]{64,128}(\\.(sig|att|sbom))?");
    private static final String[] SIGNATURE_MARKERS = {
            "cosign", "sigstore", "in-toto", "notary", "signature", "attestation", "spdx", "cyclonedx", "sbom", "vex"};

    private PushedArtifacts() {
    }

    public static Kind kind(String mediaType) {
        if (mediaType == null) {
            return Kind.UNKNOWN;
        }
        String type = normalise(mediaType);
        if (IMAGE_MANIFESTS.contains(type)) {
            return Kind.IMAGE_MANIFEST;
        }
        if (INDEXES.contains(type)) {
            return Kind.INDEX;
        }
        if (type.equals("application/octet-stream") || type.contains("rootfs") || type.contains(".layer.")
                || IMAGE_CONFIGS.contains(type)) {
            return Kind.BLOB;
        }
        return Kind.OTHER;
    }

    /**
     * Why a manifest push is not an image to scan, judged from its media type, its artifact type or config media
     * type (either may be null) and its tag (may be null); empty when it is one.
     */
    public static Optional<IgnoreReason> ignoreReason(String mediaType, String artifactType, String tag) {
        if (tag != null && tag.startsWith("sha") && SIGNATURE_TAG.matcher(tag).matches()) {
            return Optional.of(IgnoreReason.SIGNATURE_OR_ATTESTATION);
        }
        if (artifactType != null && !IMAGE_CONFIGS.contains(normalise(artifactType))) {
            return Optional.of(artifactReason(normalise(artifactType), IgnoreReason.NON_IMAGE_ARTIFACT));
        }
        Kind kind = kind(mediaType);
        return switch (kind) {
            case BLOB -> Optional.of(IgnoreReason.BLOB);
            case OTHER -> Optional.of(artifactReason(normalise(mediaType), IgnoreReason.NON_IMAGE_MEDIA_TYPE));
            case IMAGE_MANIFEST, UNKNOWN -> tag == null ? Optional.of(IgnoreReason.UNTAGGED_MANIFEST) : Optional.empty();
            case INDEX -> Optional.empty();
        };
    }

    private static IgnoreReason artifactReason(String type, IgnoreReason otherwise) {
        if (type.contains("helm")) {
            return IgnoreReason.HELM_CHART;
        }
        for (String marker : SIGNATURE_MARKERS) {
            if (type.contains(marker)) {
                return IgnoreReason.SIGNATURE_OR_ATTESTATION;
            }
        }
        return otherwise;
    }

    private static String normalise(String mediaType) {
        int semicolon = mediaType.indexOf(';');
        String bare = semicolon >= 0 ? mediaType.substring(0, semicolon) : mediaType;
        return bare.trim().toLowerCase(Locale.ROOT);
    }
}
