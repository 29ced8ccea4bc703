package dev.layerwatch.ingest.webhook;

/** Why an event that is not an image push to scan was acknowledged and dropped; {@link #tag()} is the metric tag. */
public enum IgnoreReason {
    PULL("pull"),
    MOUNT("mount"),
    DELETE("delete"),
    NOT_A_PUSH("not-a-push"),
    BLOB("blob"),
    NON_IMAGE_MEDIA_TYPE("non-image-media-type"),
    UNTAGGED_MANIFEST("untagged-manifest"),
    SIGNATURE_OR_ATTESTATION("signature-or-attestation"),
    HELM_CHART("helm-chart"),
    NON_IMAGE_ARTIFACT("non-image-artifact"),
    PUSH_FAILED("push-failed"),
    NOT_A_CONTAINER("not-a-container"),
    PING("ping"),
    UNKNOWN_REGISTRY("unknown-registry"),
    DUPLICATE("duplicate"),
    /** Unreadable (a field missing or malformed): recorded to the webhook dead-letter topic, the rest of the delivery goes on. */
    INVALID("invalid");

    private final String tag;

    IgnoreReason(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}
