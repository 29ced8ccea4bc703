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
     */
    public record Registry(String host, boolean insecure, String username, String password) {
        @Override
        public String toString() {
            return "Registry[host=" + host + ", insecure=" + insecure + ", username=" + username + ", password="
                    + (password == null ? "null" : "****") + "]";
        }
    }
}
