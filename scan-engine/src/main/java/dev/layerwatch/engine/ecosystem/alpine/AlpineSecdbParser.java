package dev.layerwatch.engine.ecosystem.alpine;

import dev.layerwatch.engine.advisory.AffectedPackage;
import dev.layerwatch.engine.advisory.AffectedRange;
import dev.layerwatch.engine.advisory.Advisory;
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
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an Alpine secdb file ({@code secdb.alpinelinux.org/v3.18/main.json}). secdb only lists fixed
 * versions: each id under {@code "1.2.3-r4"} affects every version of that package before it on that
 * branch. Ids under the key {@code "0"} never affected Alpine's build: they become not-affected marks
 * ({@link AffectedPackage#notAffected}) that match nothing and silence other feeds for that id. An id
 * listed under several fixed versions becomes one range with several {@code fixed} events, which the
 * evaluator reads as "before the first fix".
 */
public final class AlpineSecdbParser {

    public static final String SOURCE = "alpine-secdb";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    public FeedReadResult read(Path file, Consumer<Advisory> sink) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), sink);
        }
    }

    public FeedReadResult read(InputStream in, String fileName, Consumer<Advisory> sink) throws IOException {
        List<FeedWarning> warnings = new ArrayList<>();
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JacksonException e) {
            warnings.add(new FeedWarning(fileName, "cannot parse Alpine secdb JSON: " + e.getOriginalMessage()));
            return new FeedReadResult(0, 0, warnings);
        }
        String branch = root == null ? "" : root.path("distroversion").asString("");
        if (!branch.matches("v\\d+\\.\\d+|edge") || !root.path("packages").isArray()) {
            warnings.add(new FeedWarning(fileName, "not an Alpine secdb file: needs distroversion (v3.18) and packages[]"));
            return new FeedReadResult(0, 0, warnings);
        }
        String repo = root.path("reponame").asString("main");
        int count = 0;
        int index = 0;
        for (JsonNode entry : root.path("packages")) {
            JsonNode pkg = entry.path("pkg");
            String name = pkg.path("name").asString("");
            if (name.isBlank() || !pkg.path("secfixes").isObject()) {
                warnings.add(new FeedWarning(fileName, "packages[" + index + "] has no pkg.name or secfixes; skipped"));
                index++;
                continue;
            }
            Map<String, List<String>> fixes = fixesById(pkg.path("secfixes"));
            for (String id : idsUnder(pkg.path("secfixes").path("0"))) {
                if (!fixes.containsKey(id)) {
                    sink.accept(new Advisory(SOURCE, branch + "/" + repo + "/" + name, id, List.of(), List.of(), null, null,
                            null, List.of(), null, List.of(AffectedPackage.notAffected("Alpine:" + branch, name))));
                    count++;
                }
            }
            for (Map.Entry<String, List<String>> fix : fixes.entrySet()) {
                List<RangeEvent> events = new ArrayList<>();
                events.add(RangeEvent.introduced("0"));
                fix.getValue().forEach(v -> events.add(RangeEvent.fixed(v)));
                AffectedPackage affected = new AffectedPackage("Alpine:" + branch, name, null,
                        List.of(new AffectedRange(AffectedRange.ECOSYSTEM, null, events)), List.of(), null, null, null);
                sink.accept(new Advisory(SOURCE, branch + "/" + repo + "/" + name, fix.getKey(), List.of(), List.of(),
                        null, null, null, List.of(), null, List.of(affected)));
                count++;
            }
            index++;
        }
        return new FeedReadResult(count, 0, warnings);
    }

    private static List<String> idsUnder(JsonNode ids) {
        List<String> all = new ArrayList<>();
        for (JsonNode entry : ids) {
            for (String id : entry.asString("").trim().split("\\s+")) {
                if (!id.isEmpty()) {
                    all.add(id);
                }
            }
        }
        return all;
    }

    /** id → fixed versions; ids under "0" (never affected) are left out here. Entries may hold several space-separated ids. */
    private static Map<String, List<String>> fixesById(JsonNode secfixes) {
        Map<String, List<String>> byId = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> fix : secfixes.properties()) {
            String version = fix.getKey().trim();
            if (version.equals("0") || version.isEmpty()) {
                continue;
            }
            for (JsonNode ids : fix.getValue()) {
                for (String id : ids.asString("").trim().split("\\s+")) {
                    if (!id.isEmpty()) {
                        byId.computeIfAbsent(id, k -> new ArrayList<>()).add(version);
                    }
                }
            }
        }
        return byId;
    }
}
