package dev.layerwatch.engine.secret;

import dev.layerwatch.common.finding.Severity;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one rule list. Specific rules come first: when two rules match the same text on a line, the earlier one
 * wins, so a GitHub token assigned to {@code TOKEN="…"} is reported as a GitHub token, not as a generic secret.
 */
public final class SecretRules {

    public static final List<SecretRule> ALL = List.of(
            rule("LW-SECRET-GCP-SERVICE-ACCOUNT-KEY", Severity.CRITICAL, "GCP service account private key",
                    List.of("private_key"),
                    "\"private_key\"\\s*:\\s*\"(-----BEGIN (?:RSA )?PRIVATE KEY-----[^\"]{0,64})", 1, 0),
            rule("LW-SECRET-PRIVATE-KEY", Severity.HIGH, "Private key",
                    List.of("private key"),
                    "(-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----)", 1, 0),
            rule("LW-SECRET-AWS-ACCESS-KEY-ID", Severity.HIGH, "AWS access key ID",
                    List.of("akia", "asia", "abia", "acca"),
                    "(?<![A-Z0-9])((?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16})(?![A-Z0-9])", 1, 3.0),
            rule("LW-SECRET-AWS-SECRET-ACCESS-KEY", Severity.CRITICAL, "AWS secret access key",
                    List.of("aws"),
                    "(?i)aws_?secret_?(?:access_?)?key[\"']?\\s*(?::|=|:=|=>)\\s*[\"']?([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])", 1, 3.5),
            rule("LW-SECRET-AZURE-STORAGE-KEY", Severity.HIGH, "Azure storage account key",
                    List.of("accountkey"),
                    "(?i)AccountKey\\s*=\\s*([A-Za-z0-9+/]{86}==)", 1, 3.5),
            rule("LW-SECRET-GITHUB-TOKEN", Severity.HIGH, "GitHub token",
                    List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_"),
                    "(?<![A-Za-z0-9_])(gh[pousr]_[A-Za-z0-9]{36,251})(?![A-Za-z0-9_])", 1, 3.0),
            rule("LW-SECRET-GITHUB-FINE-GRAINED-TOKEN", Severity.HIGH, "GitHub fine-grained personal access token",
                    List.of("github_pat_"),
                    "(?<![A-Za-z0-9_])(github_pat_[A-Za-z0-9_]{82})(?![A-Za-z0-9_])", 1, 3.0),
            rule("LW-SECRET-SLACK-TOKEN", Severity.HIGH, "Slack token",
                    List.of("xoxa-", "xoxb-", "xoxp-", "xoxr-", "xoxs-"),
                    "(?<![A-Za-z0-9])(xox[abprs]-[0-9]{6,}-[A-Za-z0-9-]{8,250})", 1, 3.0),
            rule("LW-SECRET-SLACK-WEBHOOK", Severity.MEDIUM, "Slack incoming webhook URL",
                    List.of("hooks.slack.com"),
                    "(https://hooks\\.slack\\.com/(?:services|workflows)/T[A-Z0-9]{6,12}/[A-Z0-9]{6,12}/[A-Za-z0-9]{20,40})", 1, 0),
            rule("LW-SECRET-STRIPE-KEY", Severity.CRITICAL, "Stripe live secret key",
                    List.of("sk_live_", "rk_live_"),
                    "(?<![A-Za-z0-9_])((?:sk|rk)_live_[0-9A-Za-z]{24,99})(?![A-Za-z0-9_])", 1, 3.0),
            rule("LW-SECRET-NPM-TOKEN", Severity.HIGH, "npm access token",
                    List.of("npm_"),
                    "(?<![A-Za-z0-9_])(npm_[A-Za-z0-9]{36})(?![A-Za-z0-9_])", 1, 3.0),
            new SecretRule("LW-SECRET-GENERIC-ASSIGNMENT", Severity.MEDIUM, "Hard-coded password, secret or token",
                    List.of("pass", "pwd", "secret", "token", "key"),
                    Pattern.compile("(?i)(?<![A-Za-z0-9])[A-Za-z0-9_.-]{0,40}?(?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|auth[_-]?key)"
                            + "[\"']?\\s*(?::|=|:=|=>)\\s*[\"']([^\"'\\s]{12,200})[\"']"),
                    1, 3.3, true));

    private SecretRules() {
    }

    private static SecretRule rule(String id, Severity severity, String title, List<String> keywords, String regex,
                                   int group, double minEntropy) {
        return new SecretRule(id, severity, title, keywords, Pattern.compile(regex), group, minEntropy, false);
    }
}
