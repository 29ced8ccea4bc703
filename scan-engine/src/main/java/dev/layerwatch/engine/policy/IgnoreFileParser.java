package dev.layerwatch.engine.policy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code .layerwatchignore}: one rule per line, {@code ID [PACKAGE] [exp:YYYY-MM-DD] [# reason]}.
 * PACKAGE is a name ({@code org.apache.logging.log4j:log4j-core}) or a purl without version; blank
 * lines and {@code #} comments are skipped. A line that cannot be read is a warning, never a silent
 * suppression of something else.
 */
public final class IgnoreFileParser {

    public record Result(List<IgnoreRule> rules, List<String> warnings) {
    }

    public Result parse(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
    }

    public Result parse(List<String> lines, String fileName) {
        List<IgnoreRule> rules = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String reason = null;
            int hash = line.indexOf('#');
            if (hash >= 0) {
                reason = line.substring(hash + 1).strip();
                line = line.substring(0, hash);
            }
            String[] tokens = line.strip().split("\\s+");
            if (tokens.length == 0 || tokens[0].isEmpty()) {
                continue;
            }
            String pkg = null;
            LocalDate expires = null;
            boolean bad = false;
            for (int t = 1; t < tokens.length; t++) {
                String token = tokens[t];
                if (token.startsWith("exp:") || token.startsWith("expires=")) {
                    try {
                        expires = LocalDate.parse(token.substring(token.indexOf(token.startsWith("exp:") ? ':' : '=') + 1));
                    } catch (DateTimeParseException e) {
                        warnings.add(fileName + ":" + (i + 1) + ": invalid expiry date '" + token + "' (expected exp:YYYY-MM-DD); rule skipped");
                        bad = true;
                    }
                } else if (pkg == null) {
                    pkg = token;
                } else {
                    warnings.add(fileName + ":" + (i + 1) + ": unexpected '" + token + "' (expected ID [PACKAGE] [exp:YYYY-MM-DD]); rule skipped");
                    bad = true;
                }
            }
            if (!bad) {
                rules.add(new IgnoreRule(tokens[0], pkg, expires, reason == null || reason.isEmpty() ? null : reason, i + 1));
            }
        }
        return new Result(rules, warnings);
    }
}
