package dev.layerwatch.engine.ecosystem.debian;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a dpkg control file (status, status.d entry) into paragraphs of fields. Field names keep their
 * case; continuation lines are appended with a newline. Lines that are neither a field nor a
 * continuation are reported and skipped, so one damaged stanza does not hide the others.
 */
final class DpkgStatusParser {

    record Paragraph(int firstLine, Map<String, String> fields) {
        String get(String name) {
            return fields.get(name);
        }
    }

    record Parsed(List<Paragraph> paragraphs, List<String> problems) {
    }

    private DpkgStatusParser() {
    }

    static Parsed parse(BufferedReader reader) throws IOException {
        List<Paragraph> paragraphs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, String> fields = new LinkedHashMap<>();
        String lastField = null;
        int lineNo = 0;
        int start = 1;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                if (!fields.isEmpty()) {
                    paragraphs.add(new Paragraph(start, fields));
                    fields = new LinkedHashMap<>();
                }
                lastField = null;
                start = lineNo + 1;
                continue;
            }
            char first = line.charAt(0);
            if (first == ' ' || first == '\t') {
                if (lastField == null) {
                    problems.add("line " + lineNo + ": continuation line outside a field");
                } else {
                    fields.merge(lastField, "\n" + line.substring(1), String::concat);
                }
                continue;
            }
            if (first == '#') {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                problems.add("line " + lineNo + ": not a 'Field: value' line");
                lastField = null;
                continue;
            }
            lastField = line.substring(0, colon);
            fields.put(lastField, line.substring(colon + 1).strip());
        }
        if (!fields.isEmpty()) {
            paragraphs.add(new Paragraph(start, fields));
        }
        return new Parsed(paragraphs, problems);
    }
}
