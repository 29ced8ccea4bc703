package dev.layerwatch.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryAccessPolicyTest {

    private final RegistryAccessPolicy policy = RegistryAccessPolicy.of(List.of(
            new RegistryConfig("registry.internal:5000", true, "svc", "pw"), RegistryConfig.anonymous("docker.io", false)));

    @Test
    void onlyConfiguredHostsAreAllowed() throws Exception {
        assertThat(policy.allows("REGISTRY.internal:5000")).isTrue();
        assertThat(policy.require("registry.internal:5000", "pull").username()).isEqualTo("svc");
        assertThatThrownBy(() -> policy.require("169.254.169.254", "pull manifest"))
                .isInstanceOf(RegistryNotAllowedException.class)
                .hasMessageContaining("'169.254.169.254' is not configured")
                .hasMessageContaining("pull manifest");
        assertThat(policy.allows("registry.internal")).as("the port is part of the host").isFalse();
        assertThat(policy.allows(null)).isFalse();
    }

    @Test
    void explicitlyAllowedHostsAreAddedAnonymouslyWithoutReplacingConfiguredOnes() throws Exception {
        RegistryAccessPolicy widened = policy.allowing("ghcr.io", false).allowing("registry.internal:5000", false);
        assertThat(widened.require("ghcr.io", "pull").hasCredentials()).isFalse();
        assertThat(widened.require("registry.internal:5000", "pull").insecure()).isTrue();
        assertThat(policy.allows("ghcr.io")).as("policies are immutable").isFalse();
    }

    @Test
    void malformedHostsAreRejectedOnConfiguration() {
        assertThatThrownBy(() -> RegistryConfig.anonymous("https://registry.example.com", false))
                .hasMessageContaining("without scheme");
        assertThatThrownBy(() -> RegistryConfig.anonymous(" ", false)).isInstanceOf(IllegalArgumentException.class);
    }
}
