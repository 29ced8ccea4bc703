package dev.layerwatch.ingest.registry;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The shared {@code layerwatch.registries} list as ingest reads it. Only {@code host} matters here; the connection
 * settings belong to scan-service and are bound so that configuring them is never an error.
 */
@ConfigurationProperties("layerwatch")
public record IngestRegistriesProperties(List<Registry> registries) {

    /** {@code aliases}: other names events may give this registry (see scan-service's RegistriesProperties). */
    public record Registry(String host, boolean insecure, String username, String password, List<String> aliases) {

        public Registry {
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
        }

        @Override
        public String toString() {
            return "Registry[host=" + host + ", insecure=" + insecure + ", username=" + username + ", password=" + (password == null ? null : "***")
                    + ", aliases=" + aliases + "]";
        }
    }

    public IngestRegistriesProperties {
        registries = registries == null ? List.of() : List.copyOf(registries);
    }
}
