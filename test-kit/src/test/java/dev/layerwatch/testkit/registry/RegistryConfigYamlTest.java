package dev.layerwatch.testkit.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryConfigYamlTest {

    @Test
    void notificationEndpointsCarryHeadersTimingAndIgnoredActions() {
        String yaml = RegistryConfigYaml.render(Path.of("/tmp/s"), "127.0.0.1:5000", null, null, List.of(
                NotificationEndpoint.to(URI.create("http://127.0.0.1:8080/webhooks/distribution"), Map.of("Authorization", "Bearer t"))
                        .withTimeout(Duration.ofMillis(1500)).withThreshold(5).withBackoff(Duration.ofSeconds(2))
                        .withIgnoredActions("pull", "mount")));
        assertThat(yaml).contains(
                "  addr: \"127.0.0.1:5000\"",
                "      url: \"http://127.0.0.1:8080/webhooks/distribution\"",
                "        \"Authorization\": [\"Bearer t\"]",
                "      timeout: 1500ms",
                "      threshold: 5",
                "      backoff: 2000ms",
                "        actions: [\"pull\", \"mount\"]",
                "    includereferences: true");
        assertThat(yaml).doesNotContain("auth:");
    }

    @Test
    void defaultsIgnoreNothingAndAuthSectionsAreExclusive() {
        String yaml = RegistryConfigYaml.render(Path.of("/tmp/s"), "127.0.0.1:5000", Path.of("/tmp/htpasswd"), null,
                List.of(NotificationEndpoint.to(URI.create("http://127.0.0.1:1/x"), Map.of())));
        assertThat(yaml).contains("  htpasswd:", "path: \"/tmp/htpasswd\"", "threshold: 10", "timeout: 1000ms").doesNotContain("ignore:", "token:");
        assertThatThrownBy(() -> RegistryServerExtension.builder().htpasswd("a", "b").tokenAuth(TokenAuth.anonymous()).build())
                .hasMessageContaining("htpasswd or tokenAuth");
    }

    @Test
    void quotingSurvivesQuotesAndBackslashes() {
        assertThat(RegistryConfigYaml.quote("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
    }
}
