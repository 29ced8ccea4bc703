package dev.layerwatch.engine.assembly;

import dev.layerwatch.engine.analysis.OsReleaseReader;
import dev.layerwatch.engine.inventory.OsRelease;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A minimal os-release reader for engine tests (the real one is {@code ecosystem.os.OsReleaseParser}). */
final class OsReleaseTestReader implements OsReleaseReader {

    @Override
    public List<String> pathsByPrecedence() {
        return List.of("etc/os-release", "usr/lib/os-release");
    }

    @Override
    public Optional<OsRelease> parse(String path, byte[] content) {
        Map<String, String> kv = new HashMap<>();
        for (String line : new String(content, StandardCharsets.UTF_8).split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                kv.put(line.substring(0, eq), line.substring(eq + 1).replace("\"", ""));
            }
        }
        if (!kv.containsKey("ID")) {
            return Optional.empty();
        }
        return Optional.of(new OsRelease(kv.get("ID"), kv.get("VERSION_ID"), kv.get("VERSION_CODENAME"), kv.get("PRETTY_NAME")));
    }
}
