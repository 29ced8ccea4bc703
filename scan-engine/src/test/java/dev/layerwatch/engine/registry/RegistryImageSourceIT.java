package dev.layerwatch.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerwatch.common.image.ImageReference;
import dev.layerwatch.common.image.Platform;
import dev.layerwatch.engine.image.LayerDescriptor;
import dev.layerwatch.engine.image.PlatformImage;
import dev.layerwatch.testkit.registry.ImageSpec;
import dev.layerwatch.testkit.registry.LayerCompression;
import dev.layerwatch.testkit.registry.ManifestFormat;
import dev.layerwatch.testkit.registry.PushedImage;
import dev.layerwatch.testkit.registry.PushedIndex;
import dev.layerwatch.testkit.registry.RegistryServerExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Pulls from a real, anonymous docker-registry: single images, both manifest flavours, indexes, failures. */
class RegistryImageSourceIT {

    @RegisterExtension
    static RegistryServerExtension registry = RegistryServerExtension.builder().build();

    private RegistryAccessPolicy policy() {
        return RegistryAccessPolicy.of(List.of(RegistryConfig.anonymous(registry.hostPort(), true)));
    }

    private RegistryImageSource open(ImageReference reference) throws RegistryException {
        return RegistryImageSource.open(policy(), reference, RegistryClientOptions.defaults());
    }

    @Test
    void ociImageByTagYieldsOnePlatformImageWithVerifiedConfigAndLayers() throws Exception {
        PushedImage pushed = registry.pusher().push("lw/oci", "1.0", ImageSpec.image()
                .layer(RegistryFixtures.image("base")).layer(RegistryFixtures.image("app"), LayerCompression.ZSTD));

        try (RegistryImageSource source = open(pushed.tagReference())) {
            List<PlatformImage> images = source.images(null);
            assertThat(images).hasSize(1);
            PlatformImage image = images.get(0);
            assertThat(image.manifestDigest()).isEqualTo(pushed.manifestDigest());
            assertThat(image.manifestMediaType()).isEqualTo("application/vnd.oci.image.manifest.v1+json");
            assertThat(image.indexDigest()).isNull();
            assertThat(image.platform()).isEqualTo(Platform.parse("linux/amd64"));
            assertThat(image.configDigest()).isEqualTo(pushed.configDigest());
            assertThat(image.configJson()).isEqualTo(pushed.config());
            assertThat(image.layers()).extracting(LayerDescriptor::digest).containsExactlyElementsOf(pushed.layerDigests());
            assertThat(image.layers()).extracting(LayerDescriptor::mediaType).containsExactlyElementsOf(pushed.layerMediaTypes());
            for (LayerDescriptor layer : image.layers()) {
                assertThat(RegistryFixtures.drain(source.openLayer(image, layer))).isEqualTo(layer.digest());
            }
            assertThat(source.resolveDigest()).isEqualTo(pushed.manifestDigest());
        }
    }

    @Test
    void dockerSchema2ImageIsReadByContentType() throws Exception {
        PushedImage pushed = registry.pusher().push("lw/docker", "1.0", ImageSpec.image()
                .layer(RegistryFixtures.image("base")).format(ManifestFormat.DOCKER_SCHEMA2));

        try (RegistryImageSource source = open(pushed.reference())) {
            PlatformImage image = source.images(null).get(0);
            assertThat(image.manifestMediaType()).isEqualTo("application/vnd.docker.distribution.manifest.v2+json");
            assertThat(image.layers()).singleElement().satisfies(layer ->
                    assertThat(layer.mediaType()).isEqualTo("application/vnd.docker.image.rootfs.diff.tar.gzip"));
        }
    }

    @Test
    void ociIndexGivesOneImagePerPlatformAndSkipsAttestations() throws Exception {
        PushedIndex pushed = registry.pusher().pushIndex("lw/multi", "1.0", List.of(
                ImageSpec.image().layer(RegistryFixtures.image("base")),
                ImageSpec.image().layer(RegistryFixtures.image("arm")).platform("linux", "arm64", "v8"),
                ImageSpec.image().layer(RegistryFixtures.image("app")).platform("unknown", "unknown", null)
                        .indexAnnotation("vnd.docker.reference.type", "attestation-manifest")));

        try (RegistryImageSource source = open(pushed.tagReference())) {
            List<PlatformImage> all = source.images(null);
            assertThat(all).extracting(PlatformImage::platform)
                    .containsExactly(Platform.parse("linux/amd64"), Platform.parse("linux/arm64/v8"));
            assertThat(all).extracting(PlatformImage::indexDigest).containsOnly(pushed.digest());
            assertThat(all).extracting(PlatformImage::manifestDigest).containsExactly(
                    pushed.children().get(0).manifestDigest(), pushed.children().get(1).manifestDigest());

            List<PlatformImage> arm = source.images(Platform.parse("linux/arm64"));
            assertThat(arm).singleElement().satisfies(image -> {
                assertThat(image.configJson()).isEqualTo(pushed.children().get(1).config());
                assertThat(image.layers().get(0).digest()).isEqualTo(pushed.children().get(1).layerDigests().get(0));
            });
            assertThat(source.images(Platform.parse("windows/amd64"))).isEmpty();
        }
    }

    @Test
    void dockerManifestListIsScannedPerPlatform() throws Exception {
        PushedIndex pushed = registry.pusher().pushIndex("lw/list", "1.0", ManifestFormat.DOCKER_SCHEMA2, List.of(
                ImageSpec.image().layer(RegistryFixtures.image("base")).format(ManifestFormat.DOCKER_SCHEMA2),
                ImageSpec.image().layer(RegistryFixtures.image("arm")).platform("linux", "arm64", "v8").format(ManifestFormat.DOCKER_SCHEMA2)));

        try (RegistryImageSource source = open(pushed.tagReference())) {
            assertThat(source.images(null)).extracting(PlatformImage::platform)
                    .containsExactly(Platform.parse("linux/amd64"), Platform.parse("linux/arm64/v8"));
        }
    }

    @Test
    void aCorruptStoredBlobFailsAtEndOfStreamNamingTheLayer() throws Exception {
        PushedImage pushed = registry.pusher().push("lw/corrupt", "1.0", ImageSpec.image().layer(RegistryFixtures.image("base")));
        Path blob = registry.blobDataFile(pushed.layerDigests().get(0));
        byte[] bytes = Files.readAllBytes(blob);
        bytes[bytes.length / 2] ^= 0x5a; // same length, different content
        Files.write(blob, bytes);

        try (RegistryImageSource source = open(pushed.reference())) {
            PlatformImage image = source.images(null).get(0);
            LayerDescriptor layer = image.layers().get(0);
            assertThatThrownBy(() -> RegistryFixtures.drain(source.openLayer(image, layer)))
                    .isInstanceOf(RegistryDigestMismatchException.class)
                    .hasMessageContaining(registry.hostPort())
                    .hasMessageContaining("lw/corrupt")
                    .hasMessageContaining("pull layer " + layer.digest());
        }
    }

    @Test
    void aMissingTagIsNotFoundWithRegistryRepositoryAndAction() throws Exception {
        registry.pusher().push("lw/present", "1.0", ImageSpec.image().layer(RegistryFixtures.image("base")));
        try (RegistryImageSource source = open(ImageReference.parse(registry.hostPort() + "/lw/present:nope"))) {
            assertThatThrownBy(() -> source.images(null))
                    .isInstanceOf(RegistryNotFoundException.class)
                    .hasMessageContaining("registry " + registry.hostPort())
                    .hasMessageContaining("pull manifest nope")
                    .hasMessageContaining("lw/present")
                    .hasMessageContaining("MANIFEST_UNKNOWN");
        }
    }

    @Test
    void aRegistryThatIsNotConfiguredIsRefusedUnlessExplicitlyAllowed() throws Exception {
        PushedImage pushed = registry.pusher().push("lw/guarded", "1.0", ImageSpec.image().layer(RegistryFixtures.image("base")));
        RegistryAccessPolicy other = RegistryAccessPolicy.of(List.of(RegistryConfig.anonymous("registry.example.com", false)));

        assertThatThrownBy(() -> RegistryImageSource.open(other, pushed.tagReference(), RegistryClientOptions.defaults()))
                .isInstanceOf(RegistryNotAllowedException.class)
                .hasMessageContaining("'" + registry.hostPort() + "' is not configured");

        try (RegistryImageSource source = RegistryImageSource.open(other.allowing(registry.hostPort(), true),
                pushed.tagReference(), RegistryClientOptions.defaults())) {
            assertThat(source.images(null)).hasSize(1);
        }
    }
}
