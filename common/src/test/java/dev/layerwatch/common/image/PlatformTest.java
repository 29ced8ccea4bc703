package dev.layerwatch.common.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlatformTest {

    @ParameterizedTest
    @ValueSource(strings = {"linux/amd64", "linux/arm/v7", "windows/amd64", "linux/arm64/v8"})
    void parsesAndPrintsBack(String text) {
        assertThat(Platform.parse(text).toString()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "linux", "linux/", "/amd64", "linux/amd64/v8/x", "Linux/amd64", "linux/amd 64"})
    void rejectsWhatIsNotOsSlashArchitecture(String text) {
        assertThatThrownBy(() -> Platform.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid platform");
    }

    @Test
    void anEmptyVariantIsNoVariantAndAMissingVariantSelectsAny() {
        assertThat(Platform.parse("linux/arm/").variant()).isNull();
        assertThatThrownBy(() -> Platform.parse(null)).hasMessageContaining("empty");
        Platform arm = Platform.parse("linux/arm");
        assertThat(arm.selects(Platform.parse("linux/arm/v7"))).isTrue();
        assertThat(Platform.parse("linux/arm/v6").selects(Platform.parse("linux/arm/v7"))).isFalse();
        assertThat(arm.selects(Platform.parse("linux/arm64"))).isFalse();
    }
}
