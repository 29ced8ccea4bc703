package dev.layerwatch.ingest.registry;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Whether a registry host is configured, under its own name or one of its {@code aliases}. Hosts compare case-insensitively with their port; Docker Hub's
 * several names count as one.
 */
@Component
public class RegistryAllowlist {

    private static final Set<String> DOCKER_HUB_ALIASES = Set.of("docker.io", "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com");

    private final Set<String> hosts;

    public RegistryAllowlist(IngestRegistriesProperties properties) {
        this.hosts = properties.registries().stream()
                .flatMap(r -> Stream.concat(Stream.of(r.host()), r.aliases().stream()))
                .filter(host -> host != null && !host.isBlank())
                .map(RegistryAllowlist::normalise)
                .collect(Collectors.toUnmodifiableSet());
    }

    public boolean allows(String registry) {
        return registry != null && hosts.contains(normalise(registry));
    }

    public Set<String> hosts() {
        return hosts;
    }

    private static String normalise(String host) {
        String lower = host.trim().toLowerCase(Locale.ROOT);
        return DOCKER_HUB_ALIASES.contains(lower) ? "docker.io" : lower;
    }
}
