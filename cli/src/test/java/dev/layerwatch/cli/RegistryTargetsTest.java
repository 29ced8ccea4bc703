package dev.layerwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryTargetsTest {

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
    void dockerConfigFollowsDockerConfigVariableElseHome() {
        assertThat(RegistryTargets.dockerConfigFile(Map.of("DOCKER_CONFIG", "/etc/ci/docker")))
                .isEqualTo(Path.of("/etc/ci/docker/config.json"));
        assertThat(RegistryTargets.dockerConfigFile(Map.of()))
                .isEqualTo(Path.of(System.getProperty("user.home"), ".docker", "config.json"));
    }
}
