package dev.layerwatch.engine.check;

import dev.layerwatch.common.finding.ConfigFinding;
import dev.layerwatch.common.finding.Severity;
import dev.layerwatch.engine.secret.SecretScanner;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks of the image config JSON (OCI image-spec config.md; Docker adds {@code Healthcheck}): runs as root,
 * secrets in {@code Env}, no healthcheck, privileged exposed ports, risky build steps in {@code history}.
 * Findings name variables, ports and history steps, never a value.
 */
public final class ImageConfigChecks {

    public static final String ROOT_USER = "LW-ROOT-USER";
    public static final String NO_HEALTHCHECK = "LW-NO-HEALTHCHECK";
    public static final String PRIVILEGED_PORT = "LW-PRIVILEGED-PORT";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ImageConfigChecks() {
    }

    public static CheckResult check(byte[] configJson) {
        return check(configJson, new SecretScanner());
    }

    public static CheckResult check(byte[] configJson, SecretScanner secrets) {
        if (configJson == null || configJson.length == 0) {
            return CheckResult.warning("image config is empty; config checks skipped");
        }
        JsonNode root;
        try {
            root = JSON.readTree(configJson);
        } catch (JacksonException e) {
            // the parser's message quotes config content, which may hold a secret: report only the position
            return CheckResult.warning("image config is not valid JSON" + position(e.getLocation()) + "; config checks skipped");
        }
        if (root == null || !root.isObject()) {
            return CheckResult.warning("image config is not a JSON object; config checks skipped");
        }
        List<ConfigFinding> findings = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        JsonNode config = root.path("config");
        rootUser(config).ifPresent(findings::add);
        findings.addAll(EnvSecretCheck.check(config.path("Env"), secrets, warnings));
        noHealthcheck(config).ifPresent(findings::add);
        privilegedPorts(config.path("ExposedPorts"), warnings).ifPresent(findings::add);
        findings.addAll(BuildHistoryCheck.check(root.path("history"), secrets));
        return new CheckResult(findings, warnings);
    }

    /** {@code User} empty, or whose user part (before {@code :}) is {@code 0} or {@code root}. */
    static boolean runsAsRoot(String user) {
        String u = user == null ? "" : user.strip();
        int colon = u.indexOf(':');
        String name = colon < 0 ? u : u.substring(0, colon);
        return name.isEmpty() || name.equals("0") || name.equals("root");
    }

    private static Optional<ConfigFinding> rootUser(JsonNode config) {
        JsonNode userNode = config.path("User");
        String user = userNode.isString() ? userNode.stringValue() : "";
        if (!runsAsRoot(user)) {
            return Optional.empty();
        }
        String shown = user.isBlank() ? "no User is set" : "User is '" + user.strip() + "'";
        return Optional.of(new ConfigFinding(ROOT_USER, Severity.MEDIUM, "Image runs as root",
                "The container's main process runs as root (" + shown + "). Add a USER instruction with an unprivileged "
                        + "user so that a compromise of the process does not give root inside the container."));
    }

    private static Optional<ConfigFinding> noHealthcheck(JsonNode config) {
        JsonNode test = config.path("Healthcheck").path("Test");
        boolean disabled = test.isArray() && !test.isEmpty() && "NONE".equals(test.get(0).asString(""));
        if (test.isArray() && !test.isEmpty() && !disabled) {
            return Optional.empty();
        }
        return Optional.of(new ConfigFinding(NO_HEALTHCHECK, Severity.LOW, "No healthcheck",
                disabled ? "The image disables its healthcheck (HEALTHCHECK NONE)."
                        : "The image defines no HEALTHCHECK, so the runtime cannot tell a hung container from a healthy one."));
    }

    private static Optional<ConfigFinding> privilegedPorts(JsonNode exposed, List<String> warnings) {
        if (!exposed.isObject()) {
            return Optional.empty();
        }
        TreeSet<String> privileged = new TreeSet<>(
                Comparator.comparingInt(ImageConfigChecks::portOf).thenComparing(Comparator.naturalOrder()));
        for (Map.Entry<String, JsonNode> e : exposed.properties()) {
            String key = e.getKey();
            int port = portOf(key);
            if (port < 0) {
                warnings.add("image config ExposedPorts entry '" + key + "' is not <port>[/tcp|/udp|/sctp]; ignored");
            } else if (port < 1024) {
                privileged.add(key.contains("/") ? key : key + "/tcp");
            }
        }
        if (privileged.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ConfigFinding(PRIVILEGED_PORT, Severity.LOW, "Privileged port exposed",
                "The image exposes " + String.join(", ", privileged) + ". Ports below 1024 need root or "
                        + "CAP_NET_BIND_SERVICE inside the container; listen on a port >= 1024 instead."));
    }

    /** The port number of an ExposedPorts key, or -1 when the key is malformed. */
    static int portOf(String key) {
        String[] parts = key.split("/", -1);
        if (parts.length > 2 || (parts.length == 2 && !List.of("tcp", "udp", "sctp").contains(parts[1].toLowerCase(Locale.ROOT)))) {
            return -1;
        }
        try {
            int port = Integer.parseInt(parts[0]);
            return port >= 0 && port <= 65535 ? port : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String position(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " (at line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
