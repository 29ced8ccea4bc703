package dev.layerwatch.ingest.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryAllowlistTest {

    @Test
    void aRegistryIsAllowedUnderItsHostAndItsAliasesOnly() {
        RegistryAllowlist allowlist = new RegistryAllowlist(new IngestRegistriesProperties(List.of(
                new IngestRegistriesProperties.Registry("registry:5000", true, null, null, List.of("127.0.0.1:5000", "LocalHost:5000")))));

        assertThat(allowlist.allows("registry:5000")).isTrue();
        assertThat(allowlist.allows("127.0.0.1:5000")).isTrue();
        assertThat(allowlist.allows("localhost:5000")).isTrue();
        assertThat(allowlist.allows("127.0.0.1:5001")).isFalse();
        assertThat(allowlist.allows("registry")).isFalse();
    }

    @Test
    void noAliasesConfiguredMeansTheHostAlone() {
        RegistryAllowlist allowlist = new RegistryAllowlist(new IngestRegistriesProperties(List.of(
                new IngestRegistriesProperties.Registry("ghcr.io", false, null, null, null))));

        assertThat(allowlist.hosts()).containsExactly("ghcr.io");
    }
}
