package dev.layerwatch.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerwatch.common.image.Platform;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ManifestParserTest {

    private static final String D1 = "sha256:" + "1".repeat(64);
    private static final String D2 = "sha256:" + "2".repeat(64);
    private static final String D3 = "sha256:" + "3".repeat(64);

    private final ManifestParser parser = new ManifestParser("r.example", "team/app", "pull manifest 1.0");

    private ManifestDocument parse(String json, String contentType) throws RegistryException {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8), contentType);
    }

    private static String image(String mediaTypeField) {
        return "{\"schemaVersion\":2," + mediaTypeField + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\""
                + D1 + "\",\"size\":10},\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"" + D2
                + "\",\"size\":20},{\"mediaType\":\"application/vnd.oci.image.layer.nondistributable.v1.tar+gzip\",\"digest\":\"" + D3
                + "\",\"size\":30,\"urls\":[\"https://example.com/layer\"]}]}";
    }

    @Test
    void contentTypeDecidesEvenWithParameters() throws Exception {
        ManifestDocument document = parse(image(""), "application/vnd.docker.distribution.manifest.v2+json; charset=utf-8");
        assertThat(document).isInstanceOfSatisfying(ManifestDocument.ImageManifest.class, m -> {
            assertThat(m.mediaType()).isEqualTo("application/vnd.docker.distribution.manifest.v2+json");
            assertThat(m.config().digest().toString()).isEqualTo(D1);
            assertThat(m.layers()).hasSize(2);
            assertThat(m.layers().get(1).urls()).containsExactly("https://example.com/layer");
        });
    }

    @Test
    void bodyMediaTypeWhenContentTypeIsGeneric() throws Exception {
        ManifestDocument document = parse(image("\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","), "application/json");
        assertThat(document.mediaType()).isEqualTo("application/vnd.oci.image.manifest.v1+json");
    }

    @Test
    void shapeWhenNeitherNamesAType() throws Exception {
        assertThat(parse(image(""), null).mediaType()).isEqualTo("application/vnd.oci.image.manifest.v1+json");
        assertThat(parse("{\"schemaVersion\":2,\"manifests\":[]}", "text/plain").mediaType())
                .isEqualTo("application/vnd.oci.image.index.v1+json");
    }

    @Test
    void indexEntriesKeepPlatformAnnotationsAndArtifactType() throws Exception {
        String index = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":["
                + "{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + D1 + "\",\"size\":1,"
                + "\"platform\":{\"os\":\"linux\",\"architecture\":\"arm64\",\"variant\":\"v8\"}},"
                + "{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + D2 + "\",\"size\":1,"
                + "\"platform\":{\"os\":\"unknown\",\"architecture\":\"unknown\"},"
                + "\"annotations\":{\"vnd.docker.reference.type\":\"attestation-manifest\"}},"
                + "{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + D3 + "\",\"size\":1,"
                + "\"artifactType\":\"application/vnd.example.sbom\"}]}";
        ManifestDocument.Index parsed = (ManifestDocument.Index) parse(index, "application/vnd.oci.image.index.v1+json");
        assertThat(parsed.manifests()).hasSize(3);
        assertThat(parsed.manifests().get(0).platform()).isEqualTo(Platform.parse("linux/arm64/v8"));
        assertThat(PlatformImageResolver.skipReason(parsed.manifests().get(0))).isNull();
        assertThat(PlatformImageResolver.skipReason(parsed.manifests().get(1))).isEqualTo("attestation manifest");
        assertThat(PlatformImageResolver.skipReason(parsed.manifests().get(2))).startsWith("artifact");
    }

    @Test
    void schema1AndUnknownTypesAreUnsupported() {
        assertThatThrownBy(() -> parse("{\"schemaVersion\":1,\"name\":\"x\",\"fsLayers\":[]}", "application/vnd.docker.distribution.manifest.v1+prettyjws"))
                .isInstanceOf(RegistryUnsupportedMediaTypeException.class).hasMessageContaining("schema 1");
        assertThatThrownBy(() -> parse("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.example+json\"}", "application/json"))
                .isInstanceOf(RegistryUnsupportedMediaTypeException.class).hasMessageContaining("application/vnd.example+json");
    }

    @Test
    void corruptManifestsAreProtocolErrorsNamingTheAction() {
        assertThatThrownBy(() -> parse("{\"schemaVersion\":2,\"layers\":[", "application/vnd.oci.image.manifest.v1+json"))
                .isInstanceOf(RegistryProtocolException.class).hasMessageContaining("not valid JSON")
                .hasMessageContaining("pull manifest 1.0").hasMessageContaining("team/app");
        assertThatThrownBy(() -> parse("[1,2]", "application/vnd.oci.image.manifest.v1+json"))
                .isInstanceOf(RegistryProtocolException.class);
        assertThatThrownBy(() -> parse("{\"schemaVersion\":2,\"layers\":[]}", "application/vnd.oci.image.manifest.v1+json"))
                .isInstanceOf(RegistryProtocolException.class).hasMessageContaining("no config");
        assertThatThrownBy(() -> parse(image("").replace(D2, "sha256:nothex"), "application/vnd.oci.image.manifest.v1+json"))
                .isInstanceOf(RegistryProtocolException.class).hasMessageContaining("bad digest");
        assertThatThrownBy(() -> parse("{\"manifests\":{}}", "application/vnd.oci.image.index.v1+json"))
                .isInstanceOf(RegistryProtocolException.class).hasMessageContaining("'manifests' is not an array");
    }
}
