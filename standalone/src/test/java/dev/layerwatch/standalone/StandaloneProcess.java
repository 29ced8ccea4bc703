package dev.layerwatch.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The standalone application in its own JVM ({@code java -cp target/classes:<runtime classpath>}), the way an
 * operator runs it: it can be killed with SIGKILL or SIGTERM and started again on the same data directory.
 * The runtime classpath is the one Maven resolved into {@code target/runtime-classpath.txt}: no test library.
 */
final class StandaloneProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final int port;
    private final List<String> args;
    private final Path log;
    private Process process;

    StandaloneProcess(int port, List<String> args, Path log) {
        this.port = port;
        this.args = List.copyOf(args);
        this.log = log;
    }

    StandaloneProcess start() throws IOException, InterruptedException {
        String classpath = "target/classes:" + Files.readString(Path.of("target/runtime-classpath.txt")).trim();
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx512m", "-cp", classpath, StandaloneApplication.class.getName()));
        command.addAll(args);
        Files.createDirectories(log.getParent());
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            awaitReady(Duration.ofSeconds(Long.getLong("standalone.startup.seconds", 420)));
        } catch (AssertionError | InterruptedException e) {
            close();
            throw e;
        }
        return this;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL, as {@code kill -9}: nothing in the JVM runs. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as {@code kill} or a container stop: Spring closes the contexts, then the infrastructure stops. */
    int sigterm() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            throw new AssertionError("the standalone did not exit within 90 s of SIGTERM; log " + log);
        }
        return process.exitValue();
    }

    Path log() {
        return log;
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the standalone exited with " + process.exitValue() + " during start-up; log " + log + "\n" + tail());
            }
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the standalone was not healthy within " + timeout + "; log " + log + "\n" + tail());
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (alive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static String java() {
        Optional<String> self = ProcessHandle.current().info().command();
        return self.orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
