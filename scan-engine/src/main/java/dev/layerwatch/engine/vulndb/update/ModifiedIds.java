package dev.layerwatch.engine.vulndb.update;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * OSV's per-ecosystem {@code modified_id.csv}: {@code <RFC 3339 modified>,<ID>} lines, newest first.
 * Only the lines newer than the last sync are read; a malformed line is an error, because skipping it
 * would silently lose a change.
 */
final class ModifiedIds {

    record Entry(Instant modified, String id) {
    }

    private ModifiedIds() {
    }

    /** Entries newer than {@code since} (all when null), newest first. */
    static List<Entry> newerThan(Path csv, Instant since) throws IOException {
        List<Entry> entries = new ArrayList<>();
        int lineNo = 0;
        for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            int comma = line.indexOf(',');
            if (comma < 0) {
                throw new IOException("malformed line " + lineNo + " in " + csv.getFileName() + ": expected <timestamp>,<id>");
            }
            Instant modified;
            try {
                modified = Instant.parse(line.substring(0, comma).trim());
            } catch (DateTimeParseException e) {
                throw new IOException("malformed timestamp on line " + lineNo + " in " + csv.getFileName() + ": " + e.getMessage(), e);
            }
            if (since != null && !modified.isAfter(since)) {
                break;
            }
            String id = line.substring(comma + 1).trim();
            // the bucket-wide file writes <ECOSYSTEM>/<ID>
            entries.add(new Entry(modified, id.substring(id.lastIndexOf('/') + 1)));
        }
        return entries;
    }

    /** The newest timestamp in the file, or null when it is empty. */
    static Instant newest(Path csv) throws IOException {
        for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                int comma = line.indexOf(',');
                try {
                    return Instant.parse(line.substring(0, comma < 0 ? line.length() : comma).trim());
                } catch (DateTimeParseException e) {
                    throw new IOException("malformed timestamp in " + csv.getFileName() + ": " + e.getMessage(), e);
                }
            }
        }
        return null;
    }
}
