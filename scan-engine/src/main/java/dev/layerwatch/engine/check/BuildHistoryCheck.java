package dev.layerwatch.engine.check;

import dev.layerwatch.common.finding.ConfigFinding;
import dev.layerwatch.common.finding.Severity;
import dev.layerwatch.engine.secret.SecretScanner;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Risky build steps in the config's {@code history[].created_by}: a download piped into a shell, {@code ADD} of a
 * remote URL, and secrets on a step's command line (BuildKit records build args as {@code RUN |N NAME=value …}).
 * Steps are named by their 1-based position; the command itself is not repeated because it may hold the secret.
 */
final class BuildHistoryCheck {

    static final String CURL_PIPE_SHELL = "LW-HISTORY-PIPE-TO-SHELL";
    static final String ADD_URL = "LW-HISTORY-ADD-URL";
    static final String HISTORY_SECRET = "LW-HISTORY-SECRET";

    private static final Pattern PIPE_TO_SHELL = Pattern.compile(
            "\\b(?:curl|wget)\\b[^|;&]*\\|\\s*(?:sudo\\s+)?(?:/usr)?(?:/bin/)?(?:ba|z|da|k)?sh\\b");
    private static final Pattern ADD_REMOTE = Pattern.compile("\\bADD\\s+(?:--\\S+\\s+)*https?://", Pattern.CASE_INSENSITIVE);
    /** BuildKit's prefix listing the build args a RUN step saw: {@code RUN |2 A=1 B=2 /bin/sh -c …} (classic builder: no {@code RUN}). */
    private static final Pattern BUILD_ARGS = Pattern.compile("^(?:RUN\\s+)?\\|(\\d+)\\s+(.*)$", Pattern.DOTALL);

    private BuildHistoryCheck() {
    }

    static List<ConfigFinding> check(JsonNode history, SecretScanner secrets) {
        if (!history.isArray()) {
            return List.of();
        }
        List<ConfigFinding> findings = new ArrayList<>();
        int step = 0;
        for (JsonNode entry : history) {
            step++;
            String createdBy = entry.path("created_by").asString("");
            if (createdBy.isEmpty()) {
                continue;
            }
            if (PIPE_TO_SHELL.matcher(createdBy).find()) {
                findings.add(new ConfigFinding(CURL_PIPE_SHELL, Severity.MEDIUM, "Build step pipes a download into a shell",
                        "History step " + step + " runs a script fetched with curl/wget straight in a shell: its content was "
                                + "not verified, and the image depends on whatever the server returned at build time."));
            }
            if (ADD_REMOTE.matcher(createdBy).find()) {
                findings.add(new ConfigFinding(ADD_URL, Severity.LOW, "ADD of a remote URL",
                        "History step " + step + " uses ADD with an http(s) URL: the file is fetched without a checksum. "
                                + "Download with a verified checksum (ADD --checksum or curl + sha256sum) instead."));
            }
            String secretWhat = secretOnCommandLine(createdBy, secrets);
            if (secretWhat != null) {
                findings.add(new ConfigFinding(HISTORY_SECRET, Severity.HIGH, "Secret in build history",
                        "History step " + step + " has " + secretWhat + " on its command line; image history is readable by "
                                + "anyone who can pull the image. Use build secrets (RUN --mount=type=secret) instead."));
            }
        }
        return findings;
    }

    private static String secretOnCommandLine(String createdBy, SecretScanner secrets) {
        var matched = secrets.scanText("config:history", createdBy);
        if (!matched.isEmpty()) {
            return "a value matching " + matched.getFirst().title() + " (" + matched.getFirst().ruleId() + ")";
        }
        Matcher args = BUILD_ARGS.matcher(createdBy);
        if (args.matches()) {
            int count = Integer.parseInt(args.group(1));
            String[] tokens = args.group(2).split("\\s+");
            for (int i = 0; i < Math.min(count, tokens.length); i++) {
                int eq = tokens[i].indexOf('=');
                if (eq > 0 && eq < tokens[i].length() - 1 && EnvSecretCheck.looksLikeSecretName(tokens[i].substring(0, eq))) {
                    return "build arg " + tokens[i].substring(0, eq);
                }
            }
        }
        return null;
    }
}
