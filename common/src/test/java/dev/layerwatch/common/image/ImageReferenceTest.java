package dev.layerwatch.common.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ImageReferenceTest {

    private static final String DIGEST = "sha256:" + "ab".repeat(32);

    @ParameterizedTest
    @ValueSource(strings = {
        "docker.io/library/alpine:3.20",
        "registry.example.com/team/app:1.0.0",
        "localhost/app:dev",
        "127.0.0.1:5000/a/b/c:v1_2-3.x",
        "[::1]:5000/app:1",
        "ghcr.io/org/app@sha256:abababababababababababababababababababababababababababababababab",
        "ghcr.io/org/app:1@sha256:abababababababababababababababababababababababababababababababab",
        "quay.io/a__b/c-d.e:latest"})
    void parsesAndPrintsBackTheSameText(String text) {
        ImageReference ref = ImageReference.parse(text);
        assertThat(ref.toString()).isEqualTo(text);
        assertThat(ImageReference.parse(ref.toString())).isEqualTo(ref);
    }

    @ParameterizedTest
    @CsvSource({
        "alpine, docker.io/library/alpine:latest",
        "alpine:3.20, docker.io/library/alpine:3.20",
        "user/app, docker.io/user/app:latest",
        "localhost:5000/app, localhost:5000/app:latest",
        "Registry.Example.COM/app:1, registry.example.com/app:1"})
    void fillsInDockerHubAndLatestTheWayTheDockerCliDoes(String text, String expected) {
        assertThat(ImageReference.parseWithDefaults(text).toString()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "alpine", "library/alpine:3", "docker.io/Upper/app:1", "docker.io/app:-bad",
        "docker.io/a//b:1", "docker.io/app@sha256:short"})
    void rejectsWhatIsNotAFullyQualifiedReference(String text) {
        assertThatThrownBy(() -> ImageReference.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid");
    }

    @Test
    void aTagOfMoreThan128CharactersOrNoTagAndNoDigestIsRejected() {
        assertThatThrownBy(() -> ImageReference.of("docker.io", "app", "t".repeat(129), null)).hasMessageContaining("invalid tag");
        assertThatThrownBy(() -> ImageReference.of("docker.io", "app", null, null)).hasMessageContaining("needs a tag or a digest");
        assertThatThrownBy(() -> ImageReference.of("docker.io", "a".repeat(256), "1", null)).hasMessageContaining("1 to 255");
        assertThat(ImageReference.of("docker.io", "app", "t".repeat(128), null).tag()).hasSize(128);
    }

    @Test
    void keysPinsAndNamesFollowTheDigestWhenThereIsOne() {
        ImageReference tagged = ImageReference.parse("registry.example.com/team/app:1.0");
        assertThat(tagged.name()).isEqualTo("registry.example.com/team/app");
        assertThat(tagged.pinnedReference()).isEqualTo("1.0");
        assertThat(tagged.partitionKey()).isEqualTo("registry.example.com/team/app:1.0");

        ImageReference pinned = tagged.withDigest(Digest.parse(DIGEST));
        assertThat(pinned.pinnedReference()).isEqualTo(DIGEST);
        assertThat(pinned.partitionKey()).isEqualTo("registry.example.com/team/app@" + DIGEST);
        assertThat(pinned.toString()).isEqualTo("registry.example.com/team/app:1.0@" + DIGEST);
    }
}
