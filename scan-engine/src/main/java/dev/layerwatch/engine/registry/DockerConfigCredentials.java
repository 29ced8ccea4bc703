package dev.layerwatch.engine.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Credentials from a Docker {@code config.json} ({@code ~/.docker/config.json}): {@code auths.<host>.auth}
 * (base64 {@code user:password}) or {@code auths.<host>.username}/{@code password}. Credential helpers
 * ({@code credsStore}, {@code credHelpers}) are not run: entries that need them are reported in
 * {@link #warnings()} and otherwise ignored.
 */
public final class DockerConfigCredentials {

    /** A user and secret; {@link #toString()} never shows the secret. */
    public record Credentials(String username, String password) {
        @Override
        public String toString() {
            return "Credentials[username=" + username + ", password=<redacted>]";
        }
    }

    private static final String DOCKER_HUB_KEY = "index.docker.io";

    private final Map<String, Credentials> byHost;
    private final List<String> warnings;

    private DockerConfigCredentials(Map<String, Credentials> byHost, List<String> warnings) {
        this.byHost = Map.copyOf(byHost);
        this.warnings = List.copyOf(warnings);
    }

    public static DockerConfigCredentials empty() {
        return new DockerConfigCredentials(Map.of(), List.of());
    }

    /** Reads {@code file}; a malformed file or entry is a warning, never an exception. A missing file is empty. */
    public static DockerConfigCredentials load(Path file) {
        if (!Files.isRegularFile(file)) {
            return empty();
        }
        try {
            return parse(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            return new DockerConfigCredentials(Map.of(), List.of("cannot read Docker config " + file + ": " + e.getMessage()));
        }
    }

    static DockerConfigCredentials parse(byte[] json, String source) {
        Map<String, Credentials> byHost = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        JsonNode root;
        try {
            root = JsonMapper.builder().build().readTree(json);
        } catch (JacksonException e) {
            return new DockerConfigCredentials(Map.of(), List.of("Docker config " + source + " is not valid JSON; no credentials read from it"));
        }
        if (root.hasNonNull("credsStore") || root.path("credHelpers").size() > 0) {
            warnings.add("Docker config " + source + " names credential helpers; they are not supported, only inline auths are used");
        }
        for (Map.Entry<String, JsonNode> entry : root.path("auths").properties()) {
            String host = normalize(entry.getKey());
            JsonNode value = entry.getValue();
            Credentials credentials = null;
            if (value.hasNonNull("auth") && !value.get("auth").asString().isEmpty()) {
                credentials = decode(value.get("auth").asString());
            } else if (value.hasNonNull("username")) {
                credentials = new Credentials(value.get("username").asString(), value.path("password").asString(""));
            }
            if (credentials == null) {
                warnings.add("Docker config " + source + ": entry for " + entry.getKey() + " has no usable auth, username or password");
            } else {
                byHost.put(host, credentials);
            }
        }
        return new DockerConfigCredentials(byHost, warnings);
    }

    /** Credentials for a registry host as written in references; {@code docker.io} finds Docker Hub's entry. */
    public Optional<Credentials> lookup(String host) {
        String key = normalize(host);
        if (key.equals("docker.io") || key.equals("registry-1.docker.io")) {
            key = DOCKER_HUB_KEY;
        }
        return Optional.ofNullable(byHost.get(key));
    }

    public List<String> warnings() {
        return warnings;
    }

    private static Credentials decode(String auth) {
        try {
            String decoded = new String(Base64.getDecoder().decode(auth.trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0 ? null : new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** {@code https://index.docker.io/v1/} → {@code index.docker.io}; {@code http://host:5000} → {@code host:5000}. */
    static String normalize(String key) {
        String host = key.trim().toLowerCase(Locale.ROOT);
        int scheme = host.indexOf("://");
        if (scheme >= 0) {
            host = host.substring(scheme + 3);
        }
        int slash = host.indexOf('/');
        return slash >= 0 ? host.substring(0, slash) : host;
    }

    @Override
    public String toString() {
        return "DockerConfigCredentials" + byHost.keySet();
    }
}
