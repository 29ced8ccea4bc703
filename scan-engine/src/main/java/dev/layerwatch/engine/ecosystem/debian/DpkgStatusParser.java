package dev.layerwatch.engine.ecosystem.debian;

import dev.layerwatch.engine.catalog.BoundedLineReader;
import dev.layerwatch.engine.catalog.FileWarnings;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Splits a dpkg control file (status, status.d entry) into paragraphs of fields, handed over one at a time so
 * no more than one paragraph is held. Field names keep their case; continuation lines are appended with a
 * newline (in linear time). Lines that are neither a field nor a continuation are reported and skipped, so one
 * damaged stanza does not hide the others. Bounded throughout: lines by the reader, a field's value at
 * {@link #MAX_FIELD_CHARS}, a paragraph at {@link #MAX_FIELDS} fields, problems by {@link FileWarnings}.
 */
final class DpkgStatusParser {

    /** dpkg's longest fields (Description, Conffiles of a large package) stay far below this. */
    static final int MAX_FIELD_CHARS = 1 << 20;
    /** A real stanza has a few dozen fields. */
    static final int MAX_FIELDS = 256;

    record Paragraph(int firstLine, Map<String, String> fields) {
        String get(String name) {
            return fields.get(name);
        }
    }

    private DpkgStatusParser() {
    }

    static void parse(BoundedLineReader reader, FileWarnings problems, Consumer<Paragraph> paragraphs)
            throws IOException {
        Map<String, StringBuilder> fields = new LinkedHashMap<>();
        StringBuilder last = null;
        String lastName = null;
        boolean lastCut = false;
        int start = 1;
        String line;
        while ((line = reader.readLine()) != null) {
            int lineNo = (int) reader.lineNumber();
            if (reader.lastLineTruncated()) {
                problems.add("line " + lineNo + ": longer than " + reader.maxLineChars() + " characters, cut");
            }
            if (line.isBlank()) {
                if (!fields.isEmpty()) {
                    paragraphs.accept(paragraph(start, fields));
                    fields = new LinkedHashMap<>();
                }
                last = null;
                start = lineNo + 1;
                continue;
            }
            char first = line.charAt(0);
            if (first == ' ' || first == '\t') {
                if (last == null) {
                    problems.add("line " + lineNo + ": continuation line outside a field");
                } else if (last.length() + line.length() <= MAX_FIELD_CHARS) {
                    last.append('\n').append(line, 1, line.length());
                } else if (!lastCut) {
                    lastCut = true;
                    problems.add("line " + lineNo + ": field " + lastName + " longer than " + MAX_FIELD_CHARS
                            + " characters, cut");
                }
                continue;
            }
            if (first == '#') {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                problems.add("line " + lineNo + ": not a 'Field: value' line");
                last = null;
                continue;
            }
            String name = line.substring(0, colon);
            if (fields.size() >= MAX_FIELDS && !fields.containsKey(name)) {
                problems.add("line " + lineNo + ": more than " + MAX_FIELDS + " fields in the stanza at line " + start
                        + ", field skipped");
                last = null;
                continue;
            }
            last = new StringBuilder(line.substring(colon + 1).strip());
            lastName = name;
            lastCut = false;
            fields.put(name, last);
        }
        if (!fields.isEmpty()) {
            paragraphs.accept(paragraph(start, fields));
        }
    }

    private static Paragraph paragraph(int start, Map<String, StringBuilder> fields) {
        Map<String, String> values = new LinkedHashMap<>();
        fields.forEach((name, value) -> values.put(name, value.toString()));
        return new Paragraph(start, values);
    }
}
