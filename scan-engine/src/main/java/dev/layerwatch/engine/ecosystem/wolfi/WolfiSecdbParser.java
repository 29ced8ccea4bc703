package dev.layerwatch.engine.ecosystem.wolfi;

import dev.layerwatch.engine.advisory.Advisory;
import dev.layerwatch.engine.advisory.AffectedPackage;
import dev.layerwatch.engine.advisory.AffectedRange;
import dev.layerwatch.engine.advisory.FeedReadResult;
import dev.layerwatch.engine.advisory.FeedWarning;
import dev.layerwatch.engine.advisory.RangeEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a Wolfi or Chainguard secdb ({@code packages.wolfi.dev/os/security.json}): Alpine's secdb shape without a
 * {@code distroversion} (the distribution is rolling), keyed by origin package. Ids under a fixed version affect
 * every version before it; ids under {@code "0"} are false-positive determinations, never affected — they become
 * not-affected marks. GHSA ids are the CVEs' global advisories, never findings of their own: where a list
 * alternates CVE, GHSA they become the CVE's aliases, otherwise they are dropped. A CVE absent from secdb is "unknown", not "safe" (secdb drops pending and
 * not-planned fixes), which matching cannot tell apart and does not pretend to.
 */
public final class WolfiSecdbParser {

    public static final String SOURCE = "wolfi-secdb";
    public static final String WOLFI = "Wolfi";
    public static final String CHAINGUARD = "Chainguard";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** Whether a parsed secdb is Wolfi's or Chainguard's rather than Alpine's (no distroversion, a known origin). */
    public static boolean handles(JsonNode root) {
        return root != null && root.isObject() && !root.has("distroversion") && namespace(root) != null;
    }

    private static String namespace(JsonNode root) {
        String prefix = root.path("urlprefix").asString("").toLowerCase(Locale.ROOT);
        String repo = root.path("reponame").asString("").toLowerCase(Locale.ROOT);
        if (prefix.contains("cgr.dev") || prefix.contains("chainguard") || repo.equals("chainguard")) {
            return CHAINGUARD;
        }
        if (prefix.contains("wolfi.dev") || repo.equals("os")) {
            return WOLFI;
        }
        return null;
    }

    /**
     * Whether the list alternates CVE, GHSA, CVE, GHSA… (each GHSA then is the CVE's before it). Otherwise which
     * GHSA belongs to which CVE is unknown: the GHSAs are dropped rather than guessed, never made findings.
     */
    private static boolean pairsCveWithGhsa(List<String> ids) {
        if (ids.size() % 2 != 0) {
            return false;
        }
        for (int i = 0; i < ids.size(); i += 2) {
            if (!ids.get(i).startsWith("CVE-") || !ids.get(i + 1).startsWith("GHSA-")) {
                return false;
            }
        }
        return true;
    }

    public FeedReadResult read(Path file, Consumer<Advisory> sink) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            JsonNode root;
            try {
                root = JSON.readTree(in);
            } catch (JacksonException e) {
                return new FeedReadResult(0, 0, List.of(new FeedWarning(file.toString(),
                        "cannot parse Wolfi secdb JSON: " + e.getOriginalMessage())));
            }
            return read(root, file.toString(), sink);
        }
    }

    public FeedReadResult read(JsonNode root, String fileName, Consumer<Advisory> sink) {
        List<FeedWarning> warnings = new ArrayList<>();
        String namespace = root == null ? null : namespace(root);
        if (namespace == null || !root.path("packages").isArray()) {
            warnings.add(new FeedWarning(fileName, "not a Wolfi or Chainguard secdb: needs urlprefix/reponame and packages[]"));
            return new FeedReadResult(0, 0, warnings);
        }
        int count = 0;
        int index = 0;
        for (JsonNode entry : root.path("packages")) {
            JsonNode pkg = entry.path("pkg");
            String name = pkg.path("name").asString("");
            if (name.isBlank() || !pkg.path("secfixes").isObject()) {
                warnings.add(new FeedWarning(fileName, "packages[" + index++ + "] has no pkg.name or secfixes; skipped"));
                continue;
            }
            index++;
            String scope = namespace + "/" + name;
            Map<String, List<String>> aliases = new LinkedHashMap<>();
            Map<String, List<String>> fixes = new LinkedHashMap<>();
            List<String> falsePositives = new ArrayList<>();
            for (Map.Entry<String, JsonNode> fix : pkg.path("secfixes").properties()) {
                String version = fix.getKey().trim();
                List<String> ids = new ArrayList<>();
                for (JsonNode idNode : fix.getValue()) {
                    for (String id : idNode.asString("").trim().split("\\s+")) {
                        if (!id.isEmpty()) {
                            ids.add(id);
                        }
                    }
                }
                boolean paired = pairsCveWithGhsa(ids);
                for (int i = 0; i < ids.size(); i++) {
                    String id = ids.get(i);
                    if (id.startsWith("GHSA-")) {
                        if (paired) {
                            aliases.computeIfAbsent(ids.get(i - 1), k -> new ArrayList<>()).add(id);
                        }
                        continue;
                    }
                    if (version.equals("0")) {
                        falsePositives.add(id);
                    } else if (!version.isEmpty()) {
                        fixes.computeIfAbsent(id, k -> new ArrayList<>()).add(version);
                    }
                }
            }
            for (String id : falsePositives) {
                if (!fixes.containsKey(id)) {
                    sink.accept(new Advisory(SOURCE, scope, id, aliases.getOrDefault(id, List.of()), List.of(), null, null,
                            null, List.of(), null, List.of(AffectedPackage.notAffected(namespace, name))));
                    count++;
                }
            }
            for (Map.Entry<String, List<String>> fix : fixes.entrySet()) {
                List<RangeEvent> events = new ArrayList<>();
                events.add(RangeEvent.introduced("0"));
                fix.getValue().forEach(v -> events.add(RangeEvent.fixed(v)));
                AffectedPackage affected = new AffectedPackage(namespace, name, null,
                        List.of(new AffectedRange(AffectedRange.ECOSYSTEM, null, events)), List.of(), null, null, null);
                sink.accept(new Advisory(SOURCE, scope, fix.getKey(), aliases.getOrDefault(fix.getKey(), List.of()),
                        List.of(), null, null, null, List.of(), null, List.of(affected)));
                count++;
            }
        }
        return new FeedReadResult(count, 0, warnings);
    }
}
