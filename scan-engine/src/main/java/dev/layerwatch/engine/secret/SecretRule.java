package dev.layerwatch.engine.secret;

import dev.layerwatch.common.finding.Severity;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One kind of secret.
 *
 * @param keywords    lower-case strings one of which a line must contain before the regex runs (cheap prefilter);
 *                    empty means always run
 * @param secretGroup the regex group holding the secret value (what is redacted and guarded)
 * @param minEntropy  Shannon entropy (bits per character) the value must reach; 0 disables the guard
 * @param generic     a loose pattern: the value must also not look like a placeholder or a variable reference
 */
public record SecretRule(
        String id,
        Severity severity,
        String title,
        List<String> keywords,
        Pattern pattern,
        int secretGroup,
        double minEntropy,
        boolean generic) {

    private static final List<String> PLACEHOLDER_WORDS = List.of(
            "example", "changeme", "change_me", "placeholder", "password", "secret", "your", "xxxx", "****",
            "redacted", "dummy", "sample", "todo", "<", ">", "${", "{{", "%(", "$(");

    public SecretRule {
        keywords = List.copyOf(keywords);
    }

    /** Whether a line could match: one of the keywords occurs in it. {@code lowerLine} is the line in lower case. */
    boolean mayMatch(String lowerLine) {
        if (keywords.isEmpty()) {
            return true;
        }
        for (String k : keywords) {
            if (lowerLine.contains(k)) {
                return true;
            }
        }
        return false;
    }

    /** The guards that keep false positives low: documentation examples, placeholders, low-entropy values. */
    boolean accepts(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.endsWith("example")) {
            return false; // AWS's documented AKIAIOSFODNN7EXAMPLE and friends
        }
        if (generic) {
            if (value.startsWith("$") || value.chars().distinct().count() <= 3) {
                return false;
            }
            for (String word : PLACEHOLDER_WORDS) {
                if (lower.contains(word)) {
                    return false;
                }
            }
        }
        return minEntropy <= 0 || shannonEntropy(value) >= minEntropy;
    }

    static double shannonEntropy(String s) {
        if (s.isEmpty()) {
            return 0;
        }
        int[] counts = new int[128];
        int other = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 128) {
                counts[c]++;
            } else {
                other++;
            }
        }
        double entropy = 0;
        double n = s.length();
        for (int count : counts) {
            if (count > 0) {
                double p = count / n;
                entropy -= p * (Math.log(p) / Math.log(2));
            }
        }
        if (other > 0) {
            double p = other / n;
            entropy -= p * (Math.log(p) / Math.log(2));
        }
        return entropy;
    }
}
