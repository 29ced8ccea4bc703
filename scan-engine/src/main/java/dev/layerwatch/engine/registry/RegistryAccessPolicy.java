package dev.layerwatch.engine.registry;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The allowlist of registries (the SSRF guard): only configured hosts are contacted. A caller that acts on an
 * explicit user choice (the CLI, for the reference typed on its command line) may add a host with
 * {@link #allowing}; a webhook never does.
 */
public final class RegistryAccessPolicy {

    private final Map<String, RegistryConfig> registries;

    private RegistryAccessPolicy(Map<String, RegistryConfig> registries) {
        this.registries = Map.copyOf(registries);
    }

    public static RegistryAccessPolicy of(Collection<RegistryConfig> configured) {
        Map<String, RegistryConfig> byHost = new LinkedHashMap<>();
        for (RegistryConfig config : configured) {
            byHost.put(config.host(), config);
        }
        return new RegistryAccessPolicy(byHost);
    }

    /**
     * This policy plus {@code host} (anonymous, HTTPS unless {@code insecure}) when it is not configured yet; a
     * configured entry keeps its settings and credentials.
     */
    public RegistryAccessPolicy allowing(String host, boolean insecure) {
        String key = host.toLowerCase(Locale.ROOT);
        if (registries.containsKey(key)) {
            return this;
        }
        Map<String, RegistryConfig> more = new LinkedHashMap<>(registries);
        more.put(key, RegistryConfig.anonymous(key, insecure));
        return new RegistryAccessPolicy(more);
    }

    /** Fills in credentials from a Docker {@code config.json} for configured hosts that have none. */
    public RegistryAccessPolicy withCredentialsFrom(DockerConfigCredentials dockerConfig) {
        Map<String, RegistryConfig> filled = new LinkedHashMap<>();
        for (RegistryConfig config : registries.values()) {
            filled.put(config.host(), config.hasCredentials() ? config
                    : dockerConfig.lookup(config.host()).map(c -> config.withCredentials(c.username(), c.password())).orElse(config));
        }
        return new RegistryAccessPolicy(filled);
    }

    public boolean allows(String host) {
        return host != null && registries.containsKey(host.toLowerCase(Locale.ROOT));
    }

    /** The configuration for {@code host}, or a {@link RegistryNotAllowedException} naming it. */
    public RegistryConfig require(String host, String action) throws RegistryNotAllowedException {
        RegistryConfig config = host == null ? null : registries.get(host.toLowerCase(Locale.ROOT));
        if (config == null) {
            throw new RegistryNotAllowedException(host, action);
        }
        return config;
    }

    @Override
    public String toString() {
        return "RegistryAccessPolicy" + registries.values();
    }
}
