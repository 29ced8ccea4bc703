package dev.layerwatch.notify.routing;

import dev.layerwatch.common.finding.ConfigFinding;
import dev.layerwatch.common.finding.SecretFinding;
import dev.layerwatch.common.finding.VulnerabilityFinding;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Stable keys for "was this finding announced already": the scanner's fingerprint when it gave one,
 * else id, package and version, which stay the same across re-scans of the same content.
 */
public final class FindingKeys {

    private FindingKeys() {
    }

    public static String of(VulnerabilityFinding f) {
        if (f.fingerprint() != null && !f.fingerprint().isBlank()) {
            return "v:" + f.fingerprint();
        }
        return "v:" + f.id() + "|" + f.pkg().name() + "|" + f.pkg().version();
    }

    public static String of(ConfigFinding f) {
        return "c:" + f.id();
    }

    public static String of(SecretFinding f) {
        return "s:" + f.ruleId() + "|" + f.location() + "|" + f.line();
    }

    public static Set<String> of(Notification n) {
        Set<String> keys = new LinkedHashSet<>();
        n.vulnerabilities().forEach(f -> keys.add(of(f)));
        n.configFindings().forEach(f -> keys.add(of(f)));
        n.secrets().forEach(f -> keys.add(of(f)));
        return keys;
    }
}
