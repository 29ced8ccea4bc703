package dev.layerwatch.engine.check;

import dev.layerwatch.common.finding.ConfigFinding;
import dev.layerwatch.common.finding.SecretFinding;
import dev.layerwatch.common.finding.Severity;
import dev.layerwatch.engine.secret.SecretScanner;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Secrets in the config's {@code Env}: a value that a secret rule recognises, or a non-empty value under a
 * name that says it is a credential ({@code *_PASSWORD}, {@code *_TOKEN}…). Env is readable by anyone who can
 * pull the image, so either is a finding; only the variable name is reported.
 */
final class EnvSecretCheck {

    static final String ID = "LW-ENV-SECRET";

    private static final List<String> SECRET_NAME_SUFFIXES = List.of(
            "_PASSWORD", "_PASSWD", "_PASS", "_SECRET", "_TOKEN", "_API_KEY", "_APIKEY", "_SECRET_KEY",
            "_PRIVATE_KEY", "_ACCESS_KEY", "_AUTH_KEY", "_CLIENT_SECRET", "_CREDENTIALS");
    private static final List<String> SECRET_NAMES = List.of(
            "PASSWORD", "SECRET", "TOKEN", "API_KEY", "APIKEY", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN");

    private EnvSecretCheck() {
    }

    static List<ConfigFinding> check(JsonNode env, SecretScanner secrets, List<String> warnings) {
        if (!env.isArray()) {
            return List.of();
        }
        List<ConfigFinding> findings = new ArrayList<>();
        int index = 0;
        for (JsonNode entry : env) {
            index++;
            if (!entry.isString()) {
                warnings.add("image config Env entry " + index + " is not a string; ignored");
                continue;
            }
            String text = entry.stringValue();
            int eq = text.indexOf('=');
            String name = eq < 0 ? text : text.substring(0, eq);
            String value = eq < 0 ? "" : text.substring(eq + 1);
            if (value.isEmpty()) {
                continue;
            }
            List<SecretFinding> matched = secrets.scanText("config:Env", value);
            if (!matched.isEmpty()) {
                SecretFinding first = matched.getFirst();
                findings.add(new ConfigFinding(ID, Severity.HIGH, "Secret in image environment",
                        "Env variable " + name + " holds a value matching " + first.title() + " (" + first.ruleId()
                                + ", " + first.redacted() + "). Env is stored in the image config and readable by anyone "
                                + "who can pull the image; pass secrets at run time instead."));
            } else if (looksLikeSecretName(name)) {
                findings.add(new ConfigFinding(ID, Severity.HIGH, "Secret in image environment",
                        "Env variable " + name + " is set in the image config and its name marks it as a credential. "
                                + "Env is readable by anyone who can pull the image; pass secrets at run time instead."));
            }
        }
        return findings;
    }

    static boolean looksLikeSecretName(String name) {
        String upper = name.strip().toUpperCase(Locale.ROOT);
        if (SECRET_NAMES.contains(upper)) {
            return true;
        }
        for (String suffix : SECRET_NAME_SUFFIXES) {
            if (upper.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }
}
