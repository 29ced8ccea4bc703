package dev.layerwatch.engine.ecosystem.npm;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * package-lock.json / npm-shrinkwrap.json. v2 and v3 list every installed path under {@code packages}
 * ({@code node_modules/a/node_modules/@s/b}); v1 nests {@code dependencies} trees. When both are present
 * (v2) {@code packages} wins. Workspace folders and links are the project's own code and are skipped.
 */
final class NpmPackageLockParser {

    private static final String NODE_MODULES = "node_modules/";

    private NpmPackageLockParser() {
    }

    static NpmLockEntries parse(JsonNode lock) {
        NpmLockEntries found = new NpmLockEntries();
        if (!lock.isObject()) {
            found.problem("top level is not a JSON object");
            return found;
        }
        JsonNode packages = lock.get("packages");
        if (packages != null && packages.isObject()) {
            for (Map.Entry<String, JsonNode> e : packages.properties()) {
                String path = e.getKey();
                JsonNode entry = e.getValue();
                int last = path.lastIndexOf(NODE_MODULES);
                if (last < 0 || !entry.isObject() || entry.path("link").asBoolean(false)) {
                    continue;
                }
                String name = NpmPackageJsonCataloger.text(entry, "name");
                if (name == null) {
                    name = path.substring(last + NODE_MODULES.length());
                }
                found.add(name, NpmPackageJsonCataloger.text(entry, "version"));
            }
            return found;
        }
        JsonNode dependencies = lock.get("dependencies");
        if (dependencies != null && dependencies.isObject()) {
            tree(dependencies, found, 0);
        } else {
            found.problem("neither 'packages' nor 'dependencies' is an object");
        }
        return found;
    }

    private static void tree(JsonNode dependencies, NpmLockEntries found, int depth) {
        if (depth > 64) {
            found.problem("dependencies nested deeper than 64 levels, rest not read");
            return;
        }
        for (Map.Entry<String, JsonNode> e : dependencies.properties()) {
            JsonNode entry = e.getValue();
            String version = NpmPackageJsonCataloger.text(entry, "version");
            // v1 writes "file:…" for local folders and "npm:name@1.2.3" for aliases
            if (version != null && version.startsWith("npm:")) {
                String spec = version.substring(4);
                found.add(NpmPackages.nameOfSpec(spec), spec.substring(NpmPackages.nameOfSpec(spec).length() + 1));
            } else if (version != null && !version.contains(":")) {
                found.add(e.getKey(), version);
            }
            JsonNode nested = entry.get("dependencies");
            if (nested != null && nested.isObject()) {
                tree(nested, found, depth + 1);
            }
        }
    }
}
