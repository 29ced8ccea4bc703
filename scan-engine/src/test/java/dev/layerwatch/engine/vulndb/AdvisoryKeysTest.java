package dev.layerwatch.engine.vulndb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AdvisoryKeysTest {

    @Test
    void namespacesDropUbuntuLtsAndOldDebianPointZero() {
        assertThat(AdvisoryKeys.namespace("Ubuntu:22.04:LTS")).isEqualTo("Ubuntu:22.04");
        assertThat(AdvisoryKeys.namespace("Ubuntu:Pro:16.04:LTS")).isEqualTo("Ubuntu:Pro:16.04");
        assertThat(AdvisoryKeys.namespace("Ubuntu:23.10")).isEqualTo("Ubuntu:23.10");
        assertThat(AdvisoryKeys.namespace("Debian:6.0")).isEqualTo("Debian:6");
        assertThat(AdvisoryKeys.namespace("Debian:12")).isEqualTo("Debian:12");
        assertThat(AdvisoryKeys.namespace("Alpine:v3.18")).isEqualTo("Alpine:v3.18");
        assertThat(AdvisoryKeys.base("Debian:12")).isEqualTo("Debian");
    }

    @Test
    void pypiNamesArePep503NormalisedAndOthersKeptAsPublished() {
        assertThat(AdvisoryKeys.name("PyPI", "PyYAML")).isEqualTo("pyyaml");
        assertThat(AdvisoryKeys.name("PyPI", "zope.interface")).isEqualTo("zope-interface");
        assertThat(AdvisoryKeys.name("PyPI", "Foo__Bar-.baz")).isEqualTo("foo-bar-baz");
        assertThat(AdvisoryKeys.name("Maven", "org.apache.logging.log4j:log4j-core")).isEqualTo("org.apache.logging.log4j:log4j-core");
        assertThat(AdvisoryKeys.name("npm", "@babel/core")).isEqualTo("@babel/core");
        assertThat(AdvisoryKeys.name("Go", "github.com/BurntSushi/toml")).isEqualTo("github.com/BurntSushi/toml");
        assertThat(AdvisoryKeys.name("Debian:12", "OpenSSL")).isEqualTo("openssl");
    }
}
