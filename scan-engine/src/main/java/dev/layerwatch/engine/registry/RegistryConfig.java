package dev.layerwatch.engine.registry;

import java.util.Locale;

/**
 * One registry the scanner may contact.
 *
 * @param host     {@code host[:port]} as written in image references ({@code docker.io}, {@code 127.0.0.1:5000})
 * @param insecure plain HTTP instead of HTTPS for this host
 * @param username null for anonymous access
 * @param password password or access token; never printed ({@link #toString()} redacts it)
 */
public record RegistryConfig(String host, boolean insecure, String username, String password) {

    public RegistryConfig {
        if (host == null || host.isBlank() || host.contains("/") || host.contains("@")) {
            throw new IllegalArgumentException("invalid registry host '" + host + "': expected host[:port] without scheme or path");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (username != null && username.isEmpty()) {
            username = null;
        }
        if (username == null) {
            password = null;
        }
    }

    public static RegistryConfig anonymous(String host, boolean insecure) {
        return new RegistryConfig(host, insecure, null, null);
    }

    public boolean hasCredentials() {
        return username != null;
    }

    public RegistryConfig withCredentials(String user, String secret) {
        return new RegistryConfig(host, insecure, user, secret);
    }

    @Override
    public String toString() {
        return "RegistryConfig[host=" + host + ", insecure=" + insecure + ", username=" + username
                + ", password=" + (password == null ? "none" : "<redacted>") + "]";
    }
}
