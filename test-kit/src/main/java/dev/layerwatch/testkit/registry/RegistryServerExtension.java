package dev.layerwatch.testkit.registry;

import dev.layerwatch.common.image.Digest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs Debian's {@code docker-registry} (CNCF distribution 2.8) as a process on a free loopback port for the
 * tests of one class. Register it on a static field:
 * <pre>{@code
 * @RegisterExtension
 * static RegistryServerExtension registry = RegistryServerExtension.builder().htpasswd("alice", "s3cret").build();
 * }</pre>
 * Storage lives in a temporary directory that is deleted with the process after all tests.
 */
public final class RegistryServerExtension implements BeforeAllCallback, AfterAllCallback {

    private static final String TOKEN_SERVICE = "layerwatch-test-registry";
    private static final String TOKEN_ISSUER = "layerwatch-test-token-issuer";

    private final Map<String, String> htpasswdUsers;
    private final TokenAuth tokenAuth;
    private final List<NotificationEndpoint> endpoints;

    private Path workDir;
    private RegistryProcess process;
    private String lastLogs = "";
    private RegistryTokenServer tokenServer;

    private RegistryServerExtension(Builder builder) {
        this.htpasswdUsers = Map.copyOf(builder.htpasswdUsers);
        this.tokenAuth = builder.tokenAuth;
        this.endpoints = List.copyOf(builder.endpoints);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    /** Starts the registry; {@link #beforeAll} calls this, tests outside JUnit may call it directly. */
    public void start() throws IOException, InterruptedException {
        if (process != null) {
            return;
        }
        RegistryProcess.findBinary(); // fail before creating anything when the binary is missing
        workDir = Files.createTempDirectory("layerwatch-registry-");
        Path htpasswd = null;
        RegistryConfigYaml.TokenSettings token = null;
        if (!htpasswdUsers.isEmpty()) {
            htpasswd = workDir.resolve("htpasswd");
            HtpasswdFile.write(htpasswd, htpasswdUsers);
        } else if (tokenAuth != null) {
            TokenSigningKey key = TokenSigningKey.shared();
            Path bundle = workDir.resolve("token-root.pem");
            key.writeCertificatePem(bundle);
            tokenServer = new RegistryTokenServer(tokenAuth, key, TOKEN_SERVICE, TOKEN_ISSUER);
            token = new RegistryConfigYaml.TokenSettings(tokenServer.realm().toString(), TOKEN_SERVICE, TOKEN_ISSUER, bundle);
        }
        Path storage = workDir.resolve("storage");
        Path htpasswdFile = htpasswd;
        RegistryConfigYaml.TokenSettings tokenSettings = token;
        try {
            process = RegistryProcess.start(workDir,
                    hostPort -> RegistryConfigYaml.render(storage, hostPort, htpasswdFile, tokenSettings, endpoints));
        } catch (IOException | RuntimeException e) {
            stop();
            throw e;
        }
    }

    /** Stops the process and the token server and deletes the storage; safe to call twice. */
    public void stop() {
        if (process != null) {
            lastLogs = process.logs();
            process.stop();
            process = null;
        }
        if (tokenServer != null) {
            tokenServer.close();
            tokenServer = null;
        }
        if (workDir != null) {
            deleteTree(workDir);
            workDir = null;
        }
    }

    private String pausedHostPort;

    /** An outage: stops the process but keeps its port and storage, so {@link #resume} brings the same registry back. */
    public void pause() {
        requireStarted();
        pausedHostPort = process.hostPort();
        lastLogs = process.logs();
        process.stop();
        process = null;
    }

    /** Ends an outage begun by {@link #pause}: same address, same images. */
    public void resume() throws IOException, InterruptedException {
        if (pausedHostPort == null) {
            throw new IllegalStateException("the registry is not paused");
        }
        process = RegistryProcess.restart(workDir, pausedHostPort);
        pausedHostPort = null;
    }

    /** {@code 127.0.0.1:PORT}, the registry part of an image reference. */
    public String hostPort() {
        requireStarted();
        return process.hostPort();
    }

    /** {@code http://127.0.0.1:PORT} */
    public URI baseUri() {
        return URI.create("http://" + hostPort());
    }

    /** The registry's output so far (after a stop: its last output), for failure messages. */
    public String logs() {
        return process != null ? process.logs() : lastLogs;
    }

    /** The filesystem driver's root directory. */
    public Path storageDir() {
        requireStarted();
        return workDir.resolve("storage");
    }

    /** Where the filesystem driver keeps a blob's bytes: tests overwrite it to corrupt a blob. */
    public Path blobDataFile(Digest digest) {
        return storageDir().resolve("docker/registry/v2/blobs").resolve(digest.algorithm())
                .resolve(digest.hex().substring(0, 2)).resolve(digest.hex()).resolve("data");
    }

    /** The token server when {@link Builder#tokenAuth} was set, else null. */
    public RegistryTokenServer tokenServer() {
        return tokenServer;
    }

    /** A pusher for this registry, carrying the first configured user's credentials when auth is on. */
    public ImagePusher pusher() {
        ImagePusher pusher = new ImagePusher(baseUri());
        Map<String, String> users = !htpasswdUsers.isEmpty() ? htpasswdUsers : tokenAuth != null ? tokenAuth.users() : Map.of();
        return users.entrySet().stream().findFirst()
                .map(user -> pusher.withCredentials(user.getKey(), user.getValue()))
                .orElse(pusher);
    }

    private void requireStarted() {
        if (process == null) {
            throw new IllegalStateException("the registry is not running: register RegistryServerExtension on a static field with @RegisterExtension");
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a leftover temp dir is not worth failing a test over
        }
    }

    /** Configures auth and notifications; by default the registry is anonymous and sends no notifications. */
    public static final class Builder {
        private final Map<String, String> htpasswdUsers = new LinkedHashMap<>();
        private TokenAuth tokenAuth;
        private final List<NotificationEndpoint> endpoints = new ArrayList<>();

        private Builder() {
        }

        /** Basic auth with a bcrypt htpasswd file; call again for more users. Excludes {@link #tokenAuth}. */
        public Builder htpasswd(String user, String password) {
            htpasswdUsers.put(user, password);
            return this;
        }

        /** Bearer token auth through a token server started beside the registry. Excludes {@link #htpasswd}. */
        public Builder tokenAuth(TokenAuth options) {
            this.tokenAuth = options;
            return this;
        }

        /** Adds a notification endpoint with distribution's defaults (timeout 1s, threshold 10, backoff 1s). */
        public Builder notify(URI endpoint, Map<String, String> headers) {
            return notify(NotificationEndpoint.to(endpoint, headers));
        }

        /** Adds a notification endpoint as configured (see {@link NotificationEndpoint#withTimeout} and friends). */
        public Builder notify(NotificationEndpoint endpoint) {
            endpoints.add(endpoint);
            return this;
        }

        public RegistryServerExtension build() {
            if (!htpasswdUsers.isEmpty() && tokenAuth != null) {
                throw new IllegalStateException("distribution allows one auth scheme: choose htpasswd or tokenAuth, not both");
            }
            return new RegistryServerExtension(this);
        }
    }
}
