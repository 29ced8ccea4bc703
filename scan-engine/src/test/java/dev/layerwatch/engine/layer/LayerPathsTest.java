package dev.layerwatch.engine.layer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LayerPathsTest {

    @Test
    void cleansRelativeDotAndAbsoluteForms() {
        assertThat(LayerPaths.clean("./etc/os-release").path()).isEqualTo("etc/os-release");
        assertThat(LayerPaths.clean("./etc/os-release").note()).isNull();
        assertThat(LayerPaths.clean("etc//apk/./db/").path()).isEqualTo("etc/apk/db");
        assertThat(LayerPaths.clean("/etc/passwd").path()).isEqualTo("etc/passwd");
        assertThat(LayerPaths.clean("/etc/passwd").note()).contains("absolute");
        assertThat(LayerPaths.clean("a/b/../c").path()).isEqualTo("a/c");
        assertThat(LayerPaths.clean("a/b/../c").note()).contains("'..'");
        assertThat(LayerPaths.clean("./").path()).isEmpty();
    }

    @Test
    void theRootEntryUmociWritesIsNotAnAbsolutePathWarning() {
        assertThat(LayerPaths.clean("/").path()).isEmpty();
        assertThat(LayerPaths.clean("/").note()).isNull();
        assertThat(LayerPaths.clean("/./").note()).isNull();
        assertThat(LayerPaths.clean("/etc").note()).contains("absolute");
    }

    @Test
    void refusesEscapesAndNulBytes() {
        assertThat(LayerPaths.clean("../etc/passwd").refused()).isTrue();
        assertThat(LayerPaths.clean("a/../../b").refused()).isTrue();
        assertThat(LayerPaths.clean("a\0b").refused()).isTrue();
        assertThat(LayerPaths.clean("").refused()).isTrue();
    }
}
