package dev.layerwatch.engine.ecosystem.npm;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * pnpm-lock.yaml: the keys of {@code packages}. Lockfile v5 writes {@code /name/1.2.3} (peer suffix after
 * {@code _}), v6 {@code /name@1.2.3} (peers in parentheses), v9 {@code name@1.2.3}. Entries that carry
 * {@code name}/{@code version} fields (tarball and git dependencies) use those instead.
 */
final class PnpmLockParser {

    private PnpmLockParser() {
    }

    static NpmLockEntries parse(JsonNode lock) {
        NpmLockEntries found = new NpmLockEntries();
        JsonNode packages = lock == null ? null : lock.get("packages");
        if (packages == null || !packages.isObject()) {
            if (lock == null || !lock.isObject() || !lock.has("lockfileVersion")) {
                found.problem("no lockfileVersion and no packages map");
            }
            return found;
        }
        boolean slashKeys = lockfileVersion(lock) < 6;
        for (Map.Entry<String, JsonNode> e : packages.properties()) {
            String name = NpmPackageJsonCataloger.text(e.getValue(), "name");
            String version = NpmPackageJsonCataloger.text(e.getValue(), "version");
            if (name == null || version == null) {
                String[] parsed = key(e.getKey(), slashKeys);
                if (parsed == null) {
                    found.problem("package key '" + e.getKey() + "' names no version");
                    continue;
                }
                name = parsed[0];
                version = parsed[1];
            }
            found.add(name, version);
        }
        return found;
    }

    /** 5.x writes a number, 6 and later a quoted string; unreadable counts as current. */
    private static double lockfileVersion(JsonNode lock) {
        JsonNode v = lock.get("lockfileVersion");
        try {
            return v == null || !v.isValueNode() ? 9 : Double.parseDouble(v.asString());
        } catch (NumberFormatException e) {
            return 9;
        }
    }

    private static String[] key(String key, boolean slashKeys) {
        String k = key.startsWith("/") ? key.substring(1) : key;
        if (!slashKeys) {
            int paren = k.indexOf('(');
            if (paren > 0) {
                k = k.substring(0, paren);
            }
            int at = k.indexOf('@', 1);
            return at > 0 ? versionLike(k.substring(0, at), k.substring(at + 1)) : null;
        }
        int slash = k.lastIndexOf('/');
        if (slash <= 0) {
            return null;
        }
        String version = k.substring(slash + 1);
        int underscore = version.indexOf('_');
        return versionLike(k.substring(0, slash), underscore > 0 ? version.substring(0, underscore) : version);
    }

    private static String[] versionLike(String name, String version) {
        return !version.isEmpty() && Character.isDigit(version.charAt(0)) ? new String[] {name, version} : null;
    }
}
