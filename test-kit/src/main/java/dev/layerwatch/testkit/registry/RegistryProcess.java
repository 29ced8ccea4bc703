package dev.layerwatch.testkit.registry;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** One {@code docker-registry serve config.yml} process on a free loopback port, with its output in a log file. */
final class RegistryProcess {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final int PORT_ATTEMPTS = 3;

    private final Process process;
    private final String hostPort;
    private final Path logFile;

    private RegistryProcess(Process process, String hostPort, Path logFile) {
        this.process = process;
        this.hostPort = hostPort;
        this.logFile = logFile;
    }

    /**
     * Writes {@code config.yml} for a free port and starts the registry, trying another port when the chosen one
     * was taken in between; returns once {@code GET /v2/} answers (200 or 401).
     */
    static RegistryProcess start(Path workDir, Function<String, String> configForHostPort) throws IOException, InterruptedException {
        Path binary = findBinary();
        Path config = workDir.resolve("config.yml");
        IllegalStateException last = null;
        for (int attempt = 1; attempt <= PORT_ATTEMPTS; attempt++) {
            String hostPort = "127.0.0.1:" + freePort();
            Path logFile = workDir.resolve("registry-" + attempt + ".log");
            Files.writeString(config, configForHostPort.apply(hostPort));
            Process process = new ProcessBuilder(binary.toString(), "serve", config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile())
                    .start();
            RegistryProcess started = new RegistryProcess(process, hostPort, logFile);
            try {
                started.awaitReady();
                return started;
            } catch (IllegalStateException e) {
                started.stop();
                last = e;
                if (!started.logs().contains("address already in use")) {
                    throw e;
                }
            }
        }
        throw last;
    }

    /** Starts the registry again with the {@code config.yml} already in {@code workDir}: same port, same storage. */
    static RegistryProcess restart(Path workDir, String hostPort) throws IOException, InterruptedException {
        Path logFile = workDir.resolve("registry-restarted-" + System.nanoTime() + ".log");
        Process process = new ProcessBuilder(findBinary().toString(), "serve", workDir.resolve("config.yml").toString())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile())
                .start();
        RegistryProcess started = new RegistryProcess(process, hostPort, logFile);
        try {
            started.awaitReady();
        } catch (IllegalStateException e) {
            started.stop();
            throw e;
        }
        return started;
    }

    String hostPort() {
        return hostPort;
    }

    String logs() {
        try {
            return Files.exists(logFile) ? Files.readString(logFile, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(registry log unreadable: " + e.getMessage() + ")";
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    void stop() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady() throws InterruptedException {
        URI ping = URI.create("http://" + hostPort + "/v2/");
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        IOException lastError = null;
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("docker-registry exited with status " + process.exitValue() + " while starting:\n" + logs());
                }
                try {
                    HttpResponse<Void> response = client.send(HttpRequest.newBuilder(ping).timeout(Duration.ofSeconds(1)).GET().build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() == 200 || response.statusCode() == 401) {
                        return;
                    }
                } catch (IOException e) {
                    lastError = e;
                }
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("docker-registry did not answer GET /v2/ within " + START_TIMEOUT.toSeconds() + " s"
                + (lastError == null ? "" : " (last error: " + lastError + ")") + ":\n" + logs());
    }

    static Path findBinary() {
        List<Path> candidates = new ArrayList<>();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                candidates.add(Path.of(dir, "docker-registry"));
            }
        }
        candidates.add(Path.of("/usr/bin/docker-registry"));
        return candidates.stream().filter(Files::isExecutable).findFirst().orElseThrow(() -> new IllegalStateException(
                "docker-registry not found on PATH or in /usr/bin: install Debian's CNCF distribution registry with "
                        + "'apt-get install docker-registry' to run the registry integration tests"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
