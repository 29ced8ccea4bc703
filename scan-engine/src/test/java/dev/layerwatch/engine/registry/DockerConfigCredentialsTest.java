package dev.layerwatch.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DockerConfigCredentialsTest {

    private static DockerConfigCredentials load(String name) {
        return DockerConfigCredentials.load(RegistryFixtures.path("docker-config/" + name + "/config.json"));
    }

    @Test
    void inlineAuthIsDecodedAndKeysAreNormalised() {
        DockerConfigCredentials credentials = load("inline-auth");
        assertThat(credentials.lookup("127.0.0.1:5000")).hasValue(new DockerConfigCredentials.Credentials("alice", "s3cr:et"));
        assertThat(credentials.lookup("docker.io")).hasValue(new DockerConfigCredentials.Credentials("hubuser", "hubtoken"));
        assertThat(credentials.lookup("registry.example.com:8443")).hasValueSatisfying(c -> assertThat(c.username()).isEqualTo("bob"));
        assertThat(credentials.lookup("other.example.com")).isEmpty();
        assertThat(credentials.warnings()).isEmpty();
    }

    @Test
    void usernameAndPasswordFieldsAndEmptyEntriesWarn() {
        DockerConfigCredentials credentials = load("username-password");
        assertThat(credentials.lookup("GHCR.io")).hasValue(new DockerConfigCredentials.Credentials("carol", "ghp_token"));
        assertThat(credentials.lookup("quay.io")).isEmpty();
        assertThat(credentials.warnings()).singleElement().asString().contains("quay.io");
    }

    @Test
    void credentialHelpersAreReportedAsUnsupported() {
        assertThat(load("helpers").warnings()).anySatisfy(w -> assertThat(w).contains("credential helpers"));
    }

    @Test
    void corruptOrMissingFilesGiveNoCredentialsAndAWarning() {
        DockerConfigCredentials corrupt = load("corrupt");
        assertThat(corrupt.lookup("x")).isEmpty();
        assertThat(corrupt.warnings()).singleElement().asString().contains("not valid JSON");
        assertThat(DockerConfigCredentials.load(RegistryFixtures.path("docker-config").resolve("absent.json")).warnings()).isEmpty();
    }

    @Test
    void secretsNeverAppearInToString() {
        DockerConfigCredentials credentials = load("inline-auth");
        assertThat(credentials.toString()).doesNotContain("s3cr", "hubtoken");
        assertThat(credentials.lookup("127.0.0.1:5000").orElseThrow().toString()).doesNotContain("s3cr").contains("alice");
        RegistryConfig config = new RegistryConfig("Registry.Example.com", false, "u", "hunter2");
        assertThat(config.toString()).doesNotContain("hunter2").contains("registry.example.com");
        RegistryAccessPolicy policy = RegistryAccessPolicy.of(List.of(RegistryConfig.anonymous("127.0.0.1:5000", true)))
                .withCredentialsFrom(credentials);
        assertThat(policy.toString()).doesNotContain("s3cr");
    }
}
