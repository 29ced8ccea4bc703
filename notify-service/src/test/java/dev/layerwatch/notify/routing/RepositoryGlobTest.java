package dev.layerwatch.notify.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RepositoryGlobTest {

    @Test
    void singleStarStaysWithinAComponent() {
        RepositoryGlob glob = RepositoryGlob.of("shop/*");

        assertThat(glob.matches("r.example.com", "shop/payments")).isTrue();
        assertThat(glob.matches("r.example.com", "shop/payments/worker")).isFalse();
        assertThat(glob.matches("r.example.com", "billing/payments")).isFalse();
    }

    @Test
    void doubleStarCrossesComponentsAndMatchesFullNames() {
        assertThat(RepositoryGlob.of("shop/**").matches("r.example.com", "shop/payments/worker")).isTrue();
        assertThat(RepositoryGlob.of("r.example.com/**").matches("r.example.com", "any/thing")).isTrue();
        assertThat(RepositoryGlob.of("other.io/**").matches("r.example.com", "any/thing")).isFalse();
    }

    @Test
    void regexCharactersAreLiteral() {
        assertThat(RepositoryGlob.of("shop.app").matches("r", "shopxapp")).isFalse();
        assertThat(RepositoryGlob.of("shop.app").matches("r", "shop.app")).isTrue();
    }

    @Test
    void emptyGlobIsRejected() {
        assertThatThrownBy(() -> RepositoryGlob.of(" ")).hasMessageContaining("repository glob");
    }
}
