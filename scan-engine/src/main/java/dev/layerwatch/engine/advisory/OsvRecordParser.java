package dev.layerwatch.engine.advisory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads one OSV record (JSON, or YAML as PyPA publishes it) into an {@link Advisory}. Versions are
 * bound to {@code String} fields so that YAML scalars such as {@code 3.10} keep their text.
 */
public final class OsvRecordParser {

    public static final String SOURCE = "osv";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** Whether a file of this name holds an OSV record this parser reads. */
    public static boolean isRecordFile(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        return n.endsWith(".json") || n.endsWith(".yaml") || n.endsWith(".yml");
    }

    /**
     * Parses one record. {@code fileName} picks JSON or YAML and names the file in the error.
     *
     * @throws OsvFormatException when the content is not a usable OSV record
     */
    public Advisory parse(InputStream in, String fileName) throws IOException {
        String n = fileName.toLowerCase(Locale.ROOT);
        ObjectMapper mapper = n.endsWith(".yaml") || n.endsWith(".yml") ? YAML : JSON;
        OsvDoc doc;
        try {
            doc = mapper.readValue(in, OsvDoc.class);
        } catch (JacksonException e) {
            throw new OsvFormatException("cannot parse OSV record: " + e.getOriginalMessage());
        }
        if (doc == null) {
            throw new OsvFormatException("empty OSV record");
        }
        return toAdvisory(doc);
    }

    private static Advisory toAdvisory(OsvDoc doc) {
        if (doc.id == null || doc.id.isBlank()) {
            throw new OsvFormatException("OSV record has no id");
        }
        List<String> related = new ArrayList<>(nonNull(doc.related));
        nonNull(doc.upstream).stream().filter(u -> !related.contains(u)).forEach(related::add);
        List<SeverityVector> severities = nonNull(doc.severity).stream()
                .filter(s -> s != null && s.score != null)
                .map(s -> new SeverityVector(s.type, s.score))
                .toList();
        String recordSeverity = textField(doc.databaseSpecific, "severity");
        List<AffectedPackage> affected = new ArrayList<>();
        for (OsvAffected a : nonNull(doc.affected)) {
            affected.add(toAffected(doc.id, a));
        }
        return new Advisory(SOURCE, "", doc.id, nonNull(doc.aliases).stream().filter(x -> !x.equals(doc.id)).toList(),
                related, doc.modified, doc.withdrawn, doc.summary != null ? doc.summary : firstLine(doc.details),
                severities, recordSeverity, affected);
    }

    private static AffectedPackage toAffected(String id, OsvAffected a) {
        if (a == null || a.pkg == null || a.pkg.ecosystem == null || a.pkg.name == null) {
            throw new OsvFormatException("OSV record " + id + " has an affected entry without package ecosystem and name");
        }
        List<AffectedRange> ranges = new ArrayList<>();
        for (OsvRange r : nonNull(a.ranges)) {
            if (r == null || r.type == null) {
                throw new OsvFormatException("OSV record " + id + " has a range without type for " + a.pkg.name);
            }
            List<RangeEvent> events = new ArrayList<>();
            for (OsvEvent e : nonNull(r.events)) {
                if (e == null) {
                    continue;
                }
                addEvent(events, RangeEvent.Kind.INTRODUCED, e.introduced);
                addEvent(events, RangeEvent.Kind.FIXED, e.fixed);
                addEvent(events, RangeEvent.Kind.LAST_AFFECTED, e.lastAffected);
                addEvent(events, RangeEvent.Kind.LIMIT, e.limit);
            }
            ranges.add(new AffectedRange(r.type.toUpperCase(Locale.ROOT), r.repo, events));
        }
        String word = nonNull(a.severity).stream()
                .filter(s -> s != null && s.type != null && !s.type.startsWith("CVSS_"))
                .map(s -> s.score).findFirst().orElse(null);
        return new AffectedPackage(a.pkg.ecosystem, a.pkg.name, a.pkg.purl, ranges,
                nonNull(a.versions).stream().filter(v -> v != null && !v.isBlank()).toList(),
                word, a.databaseSpecific, a.ecosystemSpecific);
    }

    private static void addEvent(List<RangeEvent> events, RangeEvent.Kind kind, String version) {
        if (version != null && !version.isBlank()) {
            events.add(new RangeEvent(kind, version));
        }
    }

    private static String textField(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode v = node.get(field);
        return v != null && v.isString() ? v.asString() : null;
    }

    private static String firstLine(String details) {
        if (details == null || details.isBlank()) {
            return null;
        }
        String line = details.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) : line;
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OsvDoc(String id, List<String> aliases, List<String> related, List<String> upstream,
                  String modified, String withdrawn, String summary, String details,
                  List<OsvSeverity> severity, List<OsvAffected> affected,
                  @JsonProperty("database_specific") JsonNode databaseSpecific) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OsvSeverity(String type, String score) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OsvAffected(@JsonProperty("package") OsvPackage pkg, List<OsvRange> ranges, List<String> versions,
                       List<OsvSeverity> severity,
                       @JsonProperty("database_specific") JsonNode databaseSpecific,
                       @JsonProperty("ecosystem_specific") JsonNode ecosystemSpecific) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OsvPackage(String ecosystem, String name, String purl) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OsvRange(String type, String repo, List<OsvEvent> events) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OsvEvent(String introduced, String fixed, @JsonProperty("last_affected") String lastAffected, String limit) {
    }
}
