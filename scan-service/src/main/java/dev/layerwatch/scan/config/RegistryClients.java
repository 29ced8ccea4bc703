package dev.layerwatch.scan.config;

import dev.layerwatch.engine.registry.RegistryAccessPolicy;
import dev.layerwatch.engine.registry.RegistryClient;
import dev.layerwatch.engine.registry.RegistryClientOptions;
import dev.layerwatch.engine.registry.RegistryConfig;
import dev.layerwatch.engine.registry.RegistryNotAllowedException;
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

    public RegistryClients(RegistriesProperties properties) {
        this.policy = RegistryAccessPolicy.of(properties.registries().stream()
                .map(r -> new RegistryConfig(r.host(), r.insecure(), r.username(), r.password()))
                .toList());
    }

    public boolean allows(String host) {
        return policy.allows(host);
    }

    public RegistryClient client(String host) throws RegistryNotAllowedException {
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
