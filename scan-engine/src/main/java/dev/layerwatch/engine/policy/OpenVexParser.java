package dev.layerwatch.engine.policy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an OpenVEX document (v0.2.0, and the older form where {@code vulnerability} and products are
 * plain strings). A product with {@code subcomponents} speaks about those packages only. A statement
 * without vulnerability or status is a warning.
 */
public final class OpenVexParser {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    public record Result(List<VexStatement> statements, List<String> warnings) {
    }

    public Result parse(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        }
    }

    public Result parse(InputStream in, String fileName) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JacksonException e) {
            throw new IOException("cannot read OpenVEX file " + fileName + ": " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.path("statements").isArray()) {
            throw new IOException("cannot read OpenVEX file " + fileName + ": no statements[] array");
        }
        List<VexStatement> statements = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        int index = 0;
        for (JsonNode s : root.path("statements")) {
            JsonNode v = s.path("vulnerability");
            String name = v.isString() ? v.asString() : v.path("name").asString(v.path("@id").asString(""));
            String status = s.path("status").asString("");
            if (name.isBlank() || status.isBlank()) {
                warnings.add(fileName + ": statements[" + index + "] has no vulnerability name or status; ignored");
                index++;
                continue;
            }
            List<String> aliases = new ArrayList<>();
            v.path("aliases").forEach(a -> aliases.add(a.asString()));
            List<String> products = new ArrayList<>();
            for (JsonNode p : s.path("products")) {
                if (p.isString()) {
                    products.add(p.asString());
                } else if (p.path("subcomponents").isArray() && !p.path("subcomponents").isEmpty()) {
                    p.path("subcomponents").forEach(sc -> products.add(idOf(sc)));
                } else {
                    products.add(idOf(p));
                }
            }
            statements.add(new VexStatement(name, aliases, products.stream().filter(x -> !x.isBlank()).toList(), status,
                    s.path("justification").asString(null), s.path("impact_statement").asString(null)));
            index++;
        }
        return new Result(statements, warnings);
    }

    private static String idOf(JsonNode product) {
        if (product.isString()) {
            return product.asString();
        }
        String id = product.path("@id").asString("");
        if (id.isBlank()) {
            id = product.path("identifiers").path("purl").asString("");
        }
        return id;
    }
}
