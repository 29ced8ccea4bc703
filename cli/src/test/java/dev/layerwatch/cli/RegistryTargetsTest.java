package dev.layerwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerwatch.engine.registry.RegistryAccessPolicy;
import dev.layerwatch.engine.registry.RegistryConfig;
import dev.layerwatch.engine.registry.RegistryNotAllowedException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryTargetsTest {

    private final StringWriter warnings = new StringWriter();

    private RegistryTargets targets(Map<String, String> env, String... args) {
        ScanOptions options = new ScanOptions();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--insecure" -> options.insecure = true;
                case "--username" -> options.username = args[++i];
                case "--password" -> options.password = args[++i];
                default -> throw new IllegalArgumentException(args[i]);
            }
        }
        return RegistryTargets.of(options, env, new PrintWriter(warnings, true));
    }

    @Test
    void onlyLoopbackHostsDefaultToPlainHttp() {
        assertThat(RegistryTargets.isLoopback("localhost:5000")).isTrue();
        assertThat(RegistryTargets.isLoopback("127.0.0.1:5000")).isTrue();
        assertThat(RegistryTargets.isLoopback("127.0.0.1")).isTrue();
        assertThat(RegistryTargets.isLoopback("[::1]:5000")).isTrue();
        assertThat(RegistryTargets.isLoopback("LOCALHOST")).isTrue();
        assertThat(RegistryTargets.isLoopback("docker.io")).isFalse();
        assertThat(RegistryTargets.isLoopback("localhost.example.com:5000")).isFalse();
        assertThat(RegistryTargets.isLoopback("127.0.0.1.nip.io")).isFalse();
    }

    @Test
    void theNamedHostIsTheOnlyOneAllowedOverHttpsUnlessInsecure(@TempDir Path home) throws Exception {
        Map<String, String> env = Map.of("DOCKER_CONFIG", home.toString());
        RegistryAccessPolicy policy = targets(env).policyFor("registry.example:5000");
        assertThat(policy.require("registry.example:5000", "pull").insecure()).isFalse();
        assertThat(policy.allows("other.example")).isFalse();
        assertThatThrownBy(() -> policy.require("other.example", "pull")).isInstanceOf(RegistryNotAllowedException.class);

        assertThat(targets(env, "--insecure").policyFor("registry.example:5000").require("registry.example:5000", "pull").insecure()).isTrue();
        assertThat(targets(env).policyFor("127.0.0.1:5000").require("127.0.0.1:5000", "pull").insecure()).isTrue();
    }

    @Test
    void credentialsFromOptionsThenEnvironmentThenDockerConfig(@TempDir Path home) throws Exception {
        // base64("carol:from-docker")
        Files.writeString(home.resolve("config.json"), "{\"auths\": {\"https://registry.example\": {\"auth\": \"Y2Fyb2w6ZnJvbS1kb2NrZXI=\"}},"
                + " \"credsStore\": \"desktop\"}");
        Map<String, String> env = Map.of("DOCKER_CONFIG", home.toString());
        RegistryConfig fromDocker = targets(env).policyFor("registry.example").require("registry.example", "pull");
        assertThat(fromDocker.username()).isEqualTo("carol");
        assertThat(fromDocker.password()).isEqualTo("from-docker");
        assertThat(warnings.toString()).contains("warning: ").contains("credential helpers");

        Map<String, String> withEnv = Map.of("DOCKER_CONFIG", home.toString(),
                RegistryTargets.USERNAME_ENV, "dave", RegistryTargets.PASSWORD_ENV, "from-env");
        assertThat(targets(withEnv).policyFor("registry.example").require("registry.example", "pull").username()).isEqualTo("dave");
        RegistryConfig fromOptions = targets(withEnv, "--username", "erin", "--password", "from-flag")
                .policyFor("registry.example").require("registry.example", "pull");
        assertThat(fromOptions.username()).isEqualTo("erin");
        assertThat(fromOptions.password()).isEqualTo("from-flag");
        assertThat(fromOptions.toString()).doesNotContain("from-flag");

        assertThatThrownBy(() -> targets(Map.of(RegistryTargets.PASSWORD_ENV, "x"))).hasMessageContaining("without a user");
    }

    @Test
    void dockerConfigFollowsDockerConfigVariableElseHome() {
        assertThat(RegistryTargets.dockerConfigFile(Map.of("DOCKER_CONFIG", "/etc/ci/docker")))
                .isEqualTo(Path.of("/etc/ci/docker/config.json"));
        assertThat(RegistryTargets.dockerConfigFile(Map.of()))
                .isEqualTo(Path.of(System.getProperty("user.home"), ".docker", "config.json"));
    }
}
