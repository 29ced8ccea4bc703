package dev.layerwatch.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerwatch.common.image.ImageReference;
import dev.layerwatch.engine.image.LayerDescriptor;
import dev.layerwatch.engine.image.PlatformImage;
import dev.layerwatch.testkit.registry.ImageSpec;
import dev.layerwatch.testkit.registry.PushedImage;
import dev.layerwatch.testkit.registry.RegistryServerExtension;
import dev.layerwatch.testkit.registry.TokenAuth;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Basic-only and token-auth registries, including a token the registry stops accepting mid-scan. */
class RegistryClientAuthIT {

    @RegisterExtension
    static RegistryServerExtension basicRegistry = RegistryServerExtension.builder().htpasswd("alice", "wonderland").build();

    @RegisterExtension
    static RegistryServerExtension openTokenRegistry = RegistryServerExtension.builder()
            .tokenAuth(TokenAuth.user("bob", "builder").withAnonymousPull(true)).build();

    /** Tokens die after 2 s but are advertised for 5 min: the client trusts a token the registry refuses. */
    @RegisterExtension
    static RegistryServerExtension shortTokenRegistry = RegistryServerExtension.builder()
            .tokenAuth(TokenAuth.user("carol", "secret").withTokenLifetime(Duration.ofSeconds(2), Duration.ofMinutes(5))).build();

    private static RegistryImageSource open(RegistryServerExtension registry, String user, String password, ImageReference ref)
            throws RegistryException {
        RegistryAccessPolicy policy = RegistryAccessPolicy.of(List.of(new RegistryConfig(registry.hostPort(), true, user, password)));
        return RegistryImageSource.open(policy, ref, RegistryClientOptions.defaults());
    }

    @Test
    void basicOnlyRegistryIsReadWithCredentialsAndRefusedWithoutOrWithWrongOnes() throws Exception {
        PushedImage pushed = basicRegistry.pusher().push("sec/basic", "1", ImageSpec.image().layer(RegistryFixtures.image("base")));

        try (RegistryImageSource source = open(basicRegistry, "alice", "wonderland", pushed.tagReference())) {
            PlatformImage image = source.images(null).get(0);
            assertThat(image.manifestDigest()).isEqualTo(pushed.manifestDigest());
            assertThat(RegistryFixtures.drain(source.openLayer(image, image.layers().get(0)))).isEqualTo(pushed.layerDigests().get(0));
        }
        try (RegistryImageSource anonymous = open(basicRegistry, null, null, pushed.tagReference())) {
            assertThatThrownBy(() -> anonymous.images(null)).isInstanceOf(RegistryUnauthorizedException.class)
                    .hasMessageContaining(basicRegistry.hostPort()).hasMessageContaining("sec/basic").hasMessageContaining("401");
        }
        try (RegistryImageSource wrong = open(basicRegistry, "alice", "queen", pushed.tagReference())) {
            assertThatThrownBy(() -> wrong.images(null)).isInstanceOf(RegistryUnauthorizedException.class)
                    .hasMessageNotContaining("queen");
        }
    }

    @Test
    void tokenRegistryAllowsAnonymousPullAndPullWithCredentials() throws Exception {
        PushedImage pushed = openTokenRegistry.pusher().push("tok/open", "1", ImageSpec.image().layer(RegistryFixtures.image("base")));

        try (RegistryImageSource anonymous = open(openTokenRegistry, null, null, pushed.tagReference())) {
            assertThat(anonymous.images(null)).singleElement()
                    .satisfies(image -> assertThat(image.configJson()).isEqualTo(pushed.config()));
            assertThat(anonymous.resolveDigest()).isEqualTo(pushed.manifestDigest());
        }
        try (RegistryImageSource bob = open(openTokenRegistry, "bob", "builder", pushed.tagReference())) {
            assertThat(bob.images(null)).hasSize(1);
        }
        assertThat(openTokenRegistry.tokenServer().requestedScopes()).contains("repository:tok/open:pull");
    }

    @Test
    void tokenRegistryRefusesMissingOrWrongCredentialsAtTheTokenServer() throws Exception {
        PushedImage pushed = shortTokenRegistry.pusher().push("tok/closed", "1", ImageSpec.image().layer(RegistryFixtures.image("base")));
        try (RegistryImageSource anonymous = open(shortTokenRegistry, null, null, pushed.tagReference())) {
            assertThatThrownBy(() -> anonymous.images(null)).isInstanceOf(RegistryUnauthorizedException.class)
                    .hasMessageContaining("obtain a pull token").hasMessageContaining("anonymously");
        }
        try (RegistryImageSource wrong = open(shortTokenRegistry, "carol", "guess", pushed.tagReference())) {
            assertThatThrownBy(() -> wrong.images(null)).isInstanceOf(RegistryUnauthorizedException.class)
                    .hasMessageContaining("as carol").hasMessageNotContaining("guess");
        }
    }

    @Test
    void aTokenThatExpiresMidScanIsRefreshedOnce() throws Exception {
        PushedImage pushed = shortTokenRegistry.pusher().push("tok/expiring", "1", ImageSpec.image()
                .layer(RegistryFixtures.image("base")).layer(RegistryFixtures.image("app")));

        try (RegistryImageSource source = open(shortTokenRegistry, "carol", "secret", pushed.tagReference())) {
            PlatformImage image = source.images(null).get(0);
            int issuedBefore = shortTokenRegistry.tokenServer().tokensIssued();
            LayerDescriptor first = image.layers().get(0);
            assertThat(RegistryFixtures.drain(source.openLayer(image, first))).isEqualTo(first.digest());
            assertThat(shortTokenRegistry.tokenServer().tokensIssued()).as("cached token reused").isEqualTo(issuedBefore);

            Thread.sleep(3_000); // the registry now refuses the cached token, which the client still trusts

            LayerDescriptor second = image.layers().get(1);
            assertThat(RegistryFixtures.drain(source.openLayer(image, second))).isEqualTo(second.digest());
            assertThat(shortTokenRegistry.tokenServer().tokensIssued()).as("one refresh after the 401").isEqualTo(issuedBefore + 1);
        }
    }
}
