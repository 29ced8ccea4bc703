package dev.layerwatch.testkit.registry;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Renders the {@code config.yml} of distribution 2.8 for one test registry. */
final class RegistryConfigYaml {

    private RegistryConfigYaml() {
    }

    record TokenSettings(String realm, String service, String issuer, Path rootCertBundle) {
    }

    static String render(Path storage, String hostPort, Path htpasswd, TokenSettings token, List<NotificationEndpoint> endpoints) {
        StringBuilder yaml = new StringBuilder();
        yaml.append("version: 0.1\n");
        yaml.append("log:\n  level: info\n  formatter: text\n");
        yaml.append("storage:\n");
        yaml.append("  filesystem:\n    rootdirectory: ").append(quote(storage.toString())).append('\n');
        yaml.append("  delete:\n    enabled: true\n");
        // uploads are never purged during a test, and the purger would log noise at startup
        yaml.append("  maintenance:\n    uploadpurging:\n      enabled: false\n");
        yaml.append("http:\n  addr: ").append(quote(hostPort)).append('\n');
        yaml.append("  secret: layerwatch-test-secret\n");
        if (htpasswd != null) {
            yaml.append("auth:\n  htpasswd:\n    realm: layerwatch-test-registry\n    path: ")
                    .append(quote(htpasswd.toString())).append('\n');
        } else if (token != null) {
            yaml.append("auth:\n  token:\n");
            yaml.append("    realm: ").append(quote(token.realm())).append('\n');
            yaml.append("    service: ").append(quote(token.service())).append('\n');
            yaml.append("    issuer: ").append(quote(token.issuer())).append('\n');
            yaml.append("    rootcertbundle: ").append(quote(token.rootCertBundle().toString())).append('\n');
        }
        if (!endpoints.isEmpty()) {
            yaml.append("notifications:\n  events:\n    includereferences: true\n  endpoints:\n");
            int n = 0;
            for (NotificationEndpoint endpoint : endpoints) {
                yaml.append("    - name: ").append(quote("endpoint-" + n++)).append('\n');
                yaml.append("      disabled: false\n");
                yaml.append("      url: ").append(quote(endpoint.url().get().toString())).append('\n');
                if (!endpoint.headers().isEmpty()) {
                    yaml.append("      headers:\n");
                    for (Map.Entry<String, String> header : endpoint.headers().entrySet()) {
                        yaml.append("        ").append(quote(header.getKey())).append(": [")
                                .append(quote(header.getValue())).append("]\n");
                    }
                }
                yaml.append("      timeout: ").append(endpoint.timeout().toMillis()).append("ms\n");
                yaml.append("      threshold: ").append(endpoint.threshold()).append('\n');
                yaml.append("      backoff: ").append(endpoint.backoff().toMillis()).append("ms\n");
                if (!endpoint.ignoredActions().isEmpty()) {
                    yaml.append("      ignore:\n        actions: [");
                    yaml.append(String.join(", ", endpoint.ignoredActions().stream().map(RegistryConfigYaml::quote).toList()));
                    yaml.append("]\n");
                }
            }
        }
        return yaml.toString();
    }

    /** A YAML double-quoted scalar. */
    static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
