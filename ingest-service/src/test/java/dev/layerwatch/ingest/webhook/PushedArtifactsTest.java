package dev.layerwatch.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerwatch.ingest.webhook.PushedArtifacts.Kind;
import org.junit.jupiter.api.Test;

class PushedArtifactsTest {

    @Test
    void manifestKindsIgnoreCaseAndParameters() {
        assertThat(PushedArtifacts.kind("application/vnd.oci.image.manifest.v1+json")).isEqualTo(Kind.IMAGE_MANIFEST);
        assertThat(PushedArtifacts.kind("application/vnd.docker.distribution.manifest.v2+json; charset=utf-8")).isEqualTo(Kind.IMAGE_MANIFEST);
        assertThat(PushedArtifacts.kind("application/vnd.oci.image.index.v1+json")).isEqualTo(Kind.INDEX);
        assertThat(PushedArtifacts.kind("Application/Vnd.Docker.Distribution.Manifest.List.V2+Json")).isEqualTo(Kind.INDEX);
        assertThat(PushedArtifacts.kind("application/octet-stream")).isEqualTo(Kind.BLOB);
        assertThat(PushedArtifacts.kind("application/vnd.oci.image.layer.v1.tar+gzip")).isEqualTo(Kind.BLOB);
        assertThat(PushedArtifacts.kind("application/vnd.docker.container.image.v1+json")).isEqualTo(Kind.BLOB);
        assertThat(PushedArtifacts.kind("application/vnd.docker.distribution.manifest.v1+prettyjws")).isEqualTo(Kind.OTHER);
        assertThat(PushedArtifacts.kind(null)).isEqualTo(Kind.UNKNOWN);
    }

    @Test
    void onlyTaggedManifestsAndIndexesAreImagesToScan() {
        String manifest = "application/vnd.oci.image.manifest.v1+json";
        String index = "application/vnd.oci.image.index.v1+json";

        assertThat(PushedArtifacts.ignoreReason(manifest, null, "1.0")).isEmpty();
        assertThat(PushedArtifacts.ignoreReason(index, null, null)).as("an untagged index is still scanned").isEmpty();
        assertThat(PushedArtifacts.ignoreReason(manifest, null, null)).contains(IgnoreReason.UNTAGGED_MANIFEST);
        assertThat(PushedArtifacts.ignoreReason(null, null, null)).contains(IgnoreReason.UNTAGGED_MANIFEST);
        assertThat(PushedArtifacts.ignoreReason(null, null, "latest")).as("tag-only senders").isEmpty();
        assertThat(PushedArtifacts.ignoreReason(manifest, "application/vnd.oci.image.config.v1+json", "1.0")).isEmpty();
    }

    @Test
    void signaturesAttestationsSbomsChartsAndOtherArtifactsAreNamed() {
        String manifest = "application/vnd.oci.image.manifest.v1+json";
        String hex = "4799bd67c2bd50b9677e8fc13b78afdd341d80727e5dce3f93b77782166fb0d5";

        assertThat(PushedArtifacts.ignoreReason(manifest, null, "sha256-" + hex + ".att")).contains(IgnoreReason.SIGNATURE_OR_ATTESTATION);
        assertThat(PushedArtifacts.ignoreReason("application/vnd.oci.image.index.v1+json", null, "sha256-" + hex))
                .as("OCI referrers fallback tag").contains(IgnoreReason.SIGNATURE_OR_ATTESTATION);
        assertThat(PushedArtifacts.ignoreReason(manifest, "application/vnd.dev.cosign.artifact.sig.v1+json", "x")).contains(IgnoreReason.SIGNATURE_OR_ATTESTATION);
        assertThat(PushedArtifacts.ignoreReason(manifest, "application/vnd.cncf.notary.signature", "x")).contains(IgnoreReason.SIGNATURE_OR_ATTESTATION);
        assertThat(PushedArtifacts.ignoreReason(manifest, "application/vnd.cyclonedx+json", "x")).contains(IgnoreReason.SIGNATURE_OR_ATTESTATION);
        assertThat(PushedArtifacts.ignoreReason(manifest, "application/vnd.cncf.helm.config.v1+json", "0.1.0")).contains(IgnoreReason.HELM_CHART);
        assertThat(PushedArtifacts.ignoreReason(manifest, "application/vnd.wasm.config.v0+json", "1")).contains(IgnoreReason.NON_IMAGE_ARTIFACT);
        assertThat(PushedArtifacts.ignoreReason("application/vnd.docker.distribution.manifest.v1+prettyjws", null, "old"))
                .contains(IgnoreReason.NON_IMAGE_MEDIA_TYPE);
        assertThat(PushedArtifacts.ignoreReason("application/octet-stream", null, null)).contains(IgnoreReason.BLOB);
        assertThat(PushedArtifacts.ignoreReason(manifest, null, "sha256-notatag")).as("only the exact cosign pattern").isEmpty();
    }
}
