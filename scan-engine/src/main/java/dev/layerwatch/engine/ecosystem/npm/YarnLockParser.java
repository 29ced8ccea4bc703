package dev.layerwatch.engine.ecosystem.npm;

import dev.layerwatch.engine.catalog.BoundedLineReader;
import java.io.IOException;

/**
 * yarn.lock, classic (v1, its own format) and berry (v2+, YAML), read by the shape they share: an
 * unindented key line listing the specs ({@code "a@^1", a@^1.2:}) and an indented {@code version} line.
 * Berry's non-registry protocols (workspace, patch, link, portal, file) are the project's own code or
 * duplicates of a registry entry and are skipped.
 */
final class YarnLockParser {

    private YarnLockParser() {
    }

    static NpmLockEntries parse(BoundedLineReader reader) throws IOException {
        NpmLockEntries found = new NpmLockEntries();
        String name = null;
        boolean skip = false;
        boolean sawKey = false;
        int lineNo = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (!Character.isWhitespace(line.charAt(0))) {
                if (!line.endsWith(":")) {
                    found.problem("line " + lineNo + ": expected an entry key ending in ':'");
                    name = null;
                    continue;
                }
                sawKey = true;
                String firstSpec = unquote(line.substring(0, line.length() - 1).split(",", 2)[0].strip());
                skip = firstSpec.equals("__metadata") || firstSpec.matches(".+@(workspace|patch|link|portal|file):.*");
                name = NpmPackages.nameOfSpec(firstSpec);
                continue;
            }
            String trimmed = line.strip();
            if (name != null && !skip && line.startsWith("  ") && !line.startsWith("   ")
                    && (trimmed.startsWith("version ") || trimmed.startsWith("version:"))) {
                found.add(name, unquote(trimmed.substring("version".length() + 1).strip()));
            }
        }
        if (!sawKey) {
            found.problem("no lock entries found");
        }
        return found;
    }

    /** Berry quotes the whole key list, classic each spec: strip a quote at either end independently. */
    private static String unquote(String s) {
        String out = s.startsWith("\"") ? s.substring(1) : s;
        return out.endsWith("\"") ? out.substring(0, out.length() - 1) : out;
    }
}
