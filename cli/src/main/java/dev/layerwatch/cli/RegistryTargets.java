package dev.layerwatch.cli;

import dev.layerwatch.common.image.ImageReference;
import dev.layerwatch.engine.image.ImageSource;
import dev.layerwatch.engine.registry.DockerConfigCredentials;
import dev.layerwatch.engine.registry.RegistryAccessPolicy;
import dev.layerwatch.engine.registry.RegistryClientOptions;
import dev.layerwatch.engine.registry.RegistryConfig;
import dev.layerwatch.engine.registry.RegistryImageSource;
import dev.layerwatch.engine.source.RegistrySourceFactory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Opens the registry image named on the command line. Typing the reference is the user's explicit choice, so
 * its host is the one registry allowed; credentials come from the options, then the environment, then the
 * Docker {@code config.json}.
 */
final class RegistryTargets implements RegistrySourceFactory {

    static final String USERNAME_ENV = "LAYERWATCH_REGISTRY_USERNAME";
    static final String PASSWORD_ENV = "LAYERWATCH_REGISTRY_PASSWORD";

    private final boolean insecure;
    private final String username;
    private final String password;
    private final Path dockerConfig;
    private final PrintWriter stderr;

    private RegistryTargets(boolean insecure, String username, String password, Path dockerConfig, PrintWriter stderr) {
        this.insecure = insecure;
        this.username = username;
        this.password = password;
        this.dockerConfig = dockerConfig;
        this.stderr = stderr;
    }

    /** Throws {@link IllegalArgumentException} when a user is given without a password or the other way round. */
    static RegistryTargets of(ScanOptions options, Map<String, String> env, PrintWriter stderr) {
        String user = firstNonBlank(options.username, env.get(USERNAME_ENV));
        String secret = firstNonBlank(options.password, env.get(PASSWORD_ENV));
        if ((user == null) != (secret == null)) {
            throw new IllegalArgumentException(user == null
                    ? "a registry password was given without a user: add --username or " + USERNAME_ENV
                    : "registry user '" + user + "' has no password: add --password or " + PASSWORD_ENV);
        }
        return new RegistryTargets(options.insecure, user, secret, dockerConfigFile(env), stderr);
    }

    @Override
    public ImageSource open(ImageReference reference) throws java.io.IOException {
        return RegistryImageSource.open(policyFor(reference.registry()), reference, RegistryClientOptions.defaults());
    }

    /** Only {@code host} is allowed; plain HTTP when asked or on loopback; the first credentials found. */
    RegistryAccessPolicy policyFor(String host) {
        boolean plainHttp = insecure || isLoopback(host);
        if (username != null) {
            return RegistryAccessPolicy.of(List.of(new RegistryConfig(host, plainHttp, username, password)));
        }
        DockerConfigCredentials docker = DockerConfigCredentials.load(dockerConfig);
        docker.warnings().forEach(w -> stderr.println("warning: " + w));
        return RegistryAccessPolicy.of(List.of()).allowing(host, plainHttp).withCredentialsFrom(docker);
    }

    /** {@code $DOCKER_CONFIG/config.json}, else {@code ~/.docker/config.json}, as the docker CLI reads it. */
    static Path dockerConfigFile(Map<String, String> env) {
        String dir = env.get("DOCKER_CONFIG");
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir, "config.json");
        }
        return Path.of(System.getProperty("user.home"), ".docker", "config.json");
    }

    /** A registry on this machine is a development registry: plain HTTP, as docker itself assumes for localhost. */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        String name = h.startsWith("[") ? h.substring(0, h.indexOf(']') + 1) : h.contains(":") ? h.substring(0, h.indexOf(':')) : h;
        return name.equals("localhost") || name.equals("127.0.0.1") || name.equals("[::1]");
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b != null && !b.isBlank() ? b : null;
    }
}
