package dev.layerwatch.scan.config;

import dev.layerwatch.engine.registry.RegistryAccessPolicy;
import dev.layerwatch.engine.registry.RegistryClient;
import dev.layerwatch.engine.registry.RegistryClientOptions;
import dev.layerwatch.engine.registry.RegistryConfig;
import dev.layerwatch.engine.registry.RegistryNotAllowedException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * One registry client per configured registry, kept for the life of the worker so bearer tokens are reused
 * across scans. The access policy is built from {@code layerwatch.registries} only: nothing else is ever contacted.
 */
@Component
public class RegistryClients implements DisposableBean {

    private final RegistryAccessPolicy policy;
    private final RegistryClientOptions options = RegistryClientOptions.defaults();
    private final Map<String, RegistryClient> clients = new ConcurrentHashMap<>();
    /** alias (lower case) → the configured host it stands for */
    private final Map<String, String> aliases;

    public RegistryClients(RegistriesProperties properties) {
        this.policy = RegistryAccessPolicy.of(properties.registries().stream()
                .map(r -> new RegistryConfig(r.host(), r.insecure(), r.username(), r.password()))
                .toList());
        Map<String, String> byAlias = new HashMap<>();
        for (RegistriesProperties.Registry r : properties.registries()) {
            for (String alias : r.aliases()) {
                byAlias.put(alias.toLowerCase(Locale.ROOT), r.host());
            }
        }
        this.aliases = Map.copyOf(byAlias);
    }

    /** The configured host to pull from for a host an event names: itself, or the host it is an alias of. */
    public String pullHost(String host) {
        return host == null ? null : aliases.getOrDefault(host.toLowerCase(Locale.ROOT), host);
    }

    public boolean allows(String host) {
        return policy.allows(pullHost(host));
    }

    /** A client for {@code host} (or for the registry it is an alias of). */
    public RegistryClient client(String host) throws RegistryNotAllowedException {
        host = pullHost(host);
        RegistryClient existing = clients.get(host);
        if (existing != null) {
            return existing;
        }
        RegistryClient created = RegistryClient.connect(policy, host, options);
        RegistryClient raced = clients.putIfAbsent(host, created);
        if (raced != null) {
            created.close();
            return raced;
        }
        return created;
    }

    @Override
    public void destroy() {
        clients.values().forEach(RegistryClient::close);
        clients.clear();
    }
}
