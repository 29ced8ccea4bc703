package dev.layerwatch.scan.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The registries scan-service may contact ({@code layerwatch.registries[i].*}): a registry not listed here is
 * never contacted, whatever an event says (the SSRF guard).
 */
@ConfigurationProperties("layerwatch")
public record RegistriesProperties(List<Registry> registries) {

    public RegistriesProperties {
        registries = registries == null ? List.of() : List.copyOf(registries);
    }

    /**
     * @param host     {@code host[:port]} as image references name it, e.g. {@code 127.0.0.1:5000}, {@code ghcr.io}
     * @param insecure plain HTTP instead of HTTPS
     * @param aliases  other {@code host[:port]} names events may give the same registry (the address a pushing
     *                 client used, e.g. {@code 127.0.0.1:5000}, while workers pull from {@code registry:5000}): an
     *                 event naming an alias is pulled from {@code host}
     */
    public record Registry(String host, boolean insecure, String username, String password, List<String> aliases) {

        public Registry {
            aliases = aliases == null ? List.of() : aliases.stream().map(String::strip).filter(a -> !a.isEmpty()).toList();
        }

        @Override
        public String toString() {
            return "Registry[host=" + host + ", insecure=" + insecure + ", username=" + username + ", password="
                    + (password == null ? "null" : "****") + ", aliases=" + aliases + "]";
        }
    }
}
