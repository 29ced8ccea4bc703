package dev.layerwatch.testkit.redis;

import dev.layerwatch.testkit.net.FreePorts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real Redis server as a child process on a loopback port: Debian's {@code redis-server} from PATH,
 * or, where there is none, the binary shipped in the embedded-redis jar. No persistence: a restart is empty,
 * as after a Redis flush — which is what the fault tests want to survive.
 */
public final class RedisProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(15);

    private final int port;
    private final boolean forceEmbedded;
    private Process process;
    private redis.embedded.RedisServer fallback;

    public RedisProcess(int port) {
        this(port, false);
    }

    private RedisProcess(int port, boolean forceEmbedded) {
        this.port = port == 0 ? FreePorts.next() : port;
        this.forceEmbedded = forceEmbedded;
    }

    /** Always the binary shipped in the embedded-redis jar: what a machine without redis-server gets. */
    public static RedisProcess fromJarBinary(int port) {
        return new RedisProcess(port, true);
    }

    public int port() {
        return port;
    }

    public String host() {
        return "127.0.0.1";
    }

    public synchronized RedisProcess start() {
        if (running()) {
            return this;
        }
        Optional<Path> binary = forceEmbedded ? Optional.empty() : findRedisServer();
        try {
            if (binary.isPresent()) {
                process = new ProcessBuilder(binary.get().toString(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
                        "--save", "", "--appendonly", "no", "--protected-mode", "no", "--daemonize", "no", "--loglevel", "warning")
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
            } else {
                fallback = redis.embedded.RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                        .setting("save \"\"").setting("appendonly no").build();
                fallback.start();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start redis-server on 127.0.0.1:" + port
                    + " (install Debian's redis-server: apt-get install redis-server)", e);
        }
        awaitPing();
        return this;
    }

    public synchronized boolean running() {
        return (process != null && process.isAlive()) || fallback != null;
    }

    public synchronized void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
        if (fallback != null) {
            try {
                fallback.stop();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot stop embedded redis on port " + port, e);
            }
            fallback = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Sends one inline command and returns the first reply line (enough for PING and FLUSHALL). */
    public String command(String inline) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host(), port), 1000);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write((inline + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("redis on 127.0.0.1:" + port + " did not answer '" + inline + "'", e);
        }
    }

    private void awaitPing() {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        IOException last = null;
        while (System.nanoTime() < deadline) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException("redis-server on 127.0.0.1:" + port + " exited with " + process.exitValue()
                        + " at startup (port taken?)");
            }
            try {
                if ("+PONG".equals(command("PING"))) {
                    return;
                }
            } catch (UncheckedIOException e) {
                last = e.getCause();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        stop();
        throw new IllegalStateException("redis-server on 127.0.0.1:" + port + " did not answer PING within " + STARTUP, last);
    }

    static Optional<Path> findRedisServer() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : (path + ":/usr/bin:/usr/sbin:/usr/local/bin").split(":")) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "redis-server");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Which server this process runs, for logs. */
    public static String implementation() {
        return findRedisServer().map(Path::toString).orElse("embedded-redis jar binary");
    }
}
