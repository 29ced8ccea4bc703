package dev.layerwatch.engine.ecosystem.debian;

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
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the Debian security tracker JSON ({@code security-tracker.debian.org/tracker/data/json}):
 * source package → CVE/TEMP id → {@code releases} → codename → status. The file is streamed one
 * source package at a time (it is tens of MB). Per release:
 * <ul>
 *   <li>{@code resolved} with {@code fixed_version "0"}: never affected — a not-affected mark that matches
 *       nothing and silences other feeds (Debian OSV) for that CVE on that package and release;</li>
 *   <li>{@code resolved} with a version: affected before it (dpkg ordering);</li>
 *   <li>{@code open}: unfixed — affected at every version, no fix;</li>
 *   <li>{@code undetermined}: not triaged yet — no entry (reported as a warning count, not a finding).</li>
 * </ul>
 * The {@code urgency} ({@code unimportant}, {@code low**}…) is kept as the entry's severity word;
 * {@code nodsa} entries stay findings. Codenames become OSV-style ecosystems {@code Debian:12}.
 */
public final class DebianTrackerParser {

    public static final String SOURCE = "debian-tracker";
    // the file is read one source package at a time, so the rest of the document follows each tree
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private final DebianReleases releases;

    public DebianTrackerParser(DebianReleases releases) {
        this.releases = releases;
    }

    public FeedReadResult read(Path file, Consumer<Advisory> sink) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), sink);
        }
    }

    public FeedReadResult read(InputStream in, String fileName, Consumer<Advisory> sink) {
        List<FeedWarning> warnings = new ArrayList<>();
        int count = 0;
        int undetermined = 0;
        List<String> unknownReleases = new ArrayList<>();
        try (JsonParser p = JSON.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                warnings.add(new FeedWarning(fileName, "not a Debian tracker file: expected a JSON object of source packages"));
                return new FeedReadResult(0, 0, warnings);
            }
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String source = p.currentName();
                p.nextToken();
                JsonNode cves = JSON.readTree(p);
                if (cves == null || !cves.isObject()) {
                    warnings.add(new FeedWarning(fileName, "source package " + source + " is not an object; skipped"));
                    continue;
                }
                for (Map.Entry<String, JsonNode> cve : cves.properties()) {
                    List<AffectedPackage> affected = new ArrayList<>();
                    for (Map.Entry<String, JsonNode> rel : cve.getValue().path("releases").properties()) {
                        String status = rel.getValue().path("status").asString("");
                        if (status.equals("undetermined")) {
                            undetermined++;
                            continue;
                        }
                        String ecosystem = releases.ecosystemOf(rel.getKey());
                        if (ecosystem == null) {
                            if (!unknownReleases.contains(rel.getKey())) {
                                unknownReleases.add(rel.getKey());
                            }
                            continue;
                        }
                        AffectedPackage entry = entry(source, ecosystem, status, rel.getValue());
                        if (entry != null) {
                            affected.add(entry);
                        }
                    }
                    if (!affected.isEmpty()) {
                        String description = cve.getValue().path("description").asString(null);
                        sink.accept(new Advisory(SOURCE, source, cve.getKey(), List.of(), List.of(), null, null,
                                description, List.of(), null, affected));
                        count++;
                    }
                }
            }
        } catch (JacksonException e) {
            warnings.add(new FeedWarning(fileName, "cannot parse Debian tracker JSON (stopped after " + count
                    + " records): " + e.getOriginalMessage()));
        }
        if (undetermined > 0) {
            warnings.add(new FeedWarning(fileName, undetermined + " release entries are 'undetermined' (not triaged); not imported"));
        }
        if (!unknownReleases.isEmpty()) {
            warnings.add(new FeedWarning(fileName, "no Debian version known for releases " + unknownReleases
                    + "; add --debian-release CODENAME=VERSION"));
        }
        return new FeedReadResult(count, 0, warnings);
    }

    private static AffectedPackage entry(String source, String ecosystem, String status, JsonNode release) {
        String fixed = release.path("fixed_version").asString("");
        List<RangeEvent> events = new ArrayList<>();
        events.add(RangeEvent.introduced("0"));
        switch (status) {
            case "resolved" -> {
                if (fixed.equals("0")) {
                    return AffectedPackage.notAffected(ecosystem, source);
                }
                if (fixed.isEmpty()) {
                    return null;
                }
                events.add(RangeEvent.fixed(fixed));
            }
            case "open" -> {
                // unfixed: affected at every version
            }
            default -> {
                return null;
            }
        }
        ObjectNode specific = JsonNodeFactory.instance.objectNode();
        specific.put("status", status);
        if (release.has("nodsa")) {
            specific.put("nodsa", release.path("nodsa").asString(""));
        }
        if (release.has("nodsa_reason")) {
            specific.put("nodsa_reason", release.path("nodsa_reason").asString(""));
        }
        String urgency = release.path("urgency").asString(null);
        return new AffectedPackage(ecosystem, source, null,
                List.of(new AffectedRange(AffectedRange.ECOSYSTEM, null, events)), List.of(), urgency, specific, null);
    }
}
