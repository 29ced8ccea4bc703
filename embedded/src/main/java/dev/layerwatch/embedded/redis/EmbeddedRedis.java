package dev.layerwatch.embedded.redis;

import dev.layerwatch.embedded.BindAddress;
import dev.layerwatch.embedded.ChildProcessFile;
import java.io.File;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A redis-server child process: Debian's {@code redis-server} from PATH, or the binary shipped in the
 * embedded-redis jar where there is none.
 *
 * <p>With a {@linkplain Builder#dataDir data directory} it is durable: {@code appendonly yes}, no RDB snapshots, the
 * AOF in that directory, replayed on every start, {@code appendfsync} as {@linkplain Builder#appendFsync configured}
 * ({@code everysec} by default). With {@code always} Redis writes and fsyncs each command before it answers, so
 * nothing acknowledged is lost even to a power loss. With {@code everysec} it normally writes before answering too,
 * but while a background fsync is slow it postpones the write for up to 2 s and answers anyway: a SIGKILL then loses
 * those acknowledged writes (seen on a loaded machine: 33 of 100 sequential SETs). A pid file there lets the next
 * start stop a redis-server orphaned by a crashed JVM ({@link ChildProcessFile#sweep()}). Without a data directory it
 * keeps nothing, as tests want.
 *
 * <p>A {@linkplain Builder#maxMemory memory cap} comes with {@code maxmemory-policy noeviction} by default: Redis
 * holds dedupe keys and the notification ledger, and evicting one of those would announce an image twice, so a
 * full Redis refuses writes (the services retry and say so) rather than silently forgetting.
 *
 * <p>With the {@linkplain Builder#watchdog watchdog} a redis-server that dies is started again on the same port
 * with the same files, after a short back-off; {@link #restarts()} counts how often.
 */
public final class EmbeddedRedis implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRedis.class);
    private static final Duration STARTUP = Duration.ofSeconds(15);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final int port;
    private final BindAddress bind;
    private final Path dataDir;
    private final String maxMemory;
    private final String maxMemoryPolicy;
    private final String appendFsync;
    private final boolean watchdog;
    private final boolean jarBinaryOnly;
    private final ChildProcessFile pidFile;
    private final AtomicInteger restarts = new AtomicInteger();
    private Process process;
    private boolean stopping;
    private Long sweptOrphan;

    private EmbeddedRedis(Builder b) {
        this.bind = b.bind;
        this.port = b.port == 0 ? bind.freePort() : b.port;
        this.dataDir = b.dataDir == null ? null : b.dataDir.toAbsolutePath().normalize();
        this.maxMemory = b.maxMemory;
        this.maxMemoryPolicy = b.maxMemoryPolicy;
        this.appendFsync = b.appendFsync;
        this.watchdog = b.watchdog;
        this.jarBinaryOnly = b.jarBinaryOnly;
        this.pidFile = dataDir == null ? null : new ChildProcessFile(dataDir.resolve("redis-server.pid"));
    }

    public static Builder builder() {
        return new Builder();
    }

    public int port() {
        return port;
    }

    /** The host clients connect to. */
    public String host() {
        return bind.wildcard() ? "127.0.0.1" : bind.host();
    }

    public Optional<Path> dataDir() {
        return Optional.ofNullable(dataDir);
    }

    /** The pid of a redis-server left by a crashed predecessor that {@link #start()} stopped, if there was one. */
    public synchronized Optional<Long> sweptOrphan() {
        return Optional.ofNullable(sweptOrphan);
    }

    /** How often the watchdog started a dead redis-server again. */
    public int restarts() {
        return restarts.get();
    }

    /** The running server's process, e.g. for fault tests that kill it. */
    public synchronized Optional<ProcessHandle> processHandle() {
        return process != null && process.isAlive() ? Optional.of(process.toHandle()) : Optional.empty();
    }

    public synchronized EmbeddedRedis start() {
        if (running()) {
            return this;
        }
        stopping = false;
        if (pidFile != null) {
            try {
                Files.createDirectories(dataDir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + dataDir, e);
            }
            pidFile.sweep().ifPresent(pid -> sweptOrphan = pid);
        }
        launch();
        return this;
    }

    public synchronized boolean running() {
        return process != null && process.isAlive();
    }

    /** SIGTERM (Redis flushes the AOF on it), SIGKILL after 10 s; the watchdog stands down. */
    public synchronized void stop() {
        stopping = true;
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
        if (pidFile != null) {
            pidFile.clear();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Sends one inline command and returns the first reply line (enough for PING, FLUSHALL, CONFIG GET). */
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
            throw new UncheckedIOException("redis on " + host() + ":" + port + " did not answer '" + inline + "'", e);
        }
    }

    private void launch() {
        List<String> command = new ArrayList<>();
        command.add(binary().toString());
        command.addAll(List.of("--port", String.valueOf(port), "--bind", bind.host(),
                // protected mode refuses non-loopback clients of a password-less server: off only when widened on purpose
                "--protected-mode", bind.loopback() ? "yes" : "no",
                "--daemonize", "no", "--loglevel", "warning", "--save", ""));
        if (dataDir != null) {
            command.addAll(List.of("--dir", dataDir.toString(), "--appendonly", "yes", "--appendfsync", appendFsync,
                    "--appendfilename", "appendonly.aof"));
        } else {
            command.addAll(List.of("--appendonly", "no"));
        }
        if (maxMemory != null) {
            command.addAll(List.of("--maxmemory", maxMemory, "--maxmemory-policy", maxMemoryPolicy));
        }
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.redirectOutput(dataDir == null ? ProcessBuilder.Redirect.DISCARD
                : ProcessBuilder.Redirect.appendTo(dataDir.resolve("redis-server.log").toFile()));
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start redis-server on " + bind.host() + ":" + port
                    + " (install Debian's redis-server: apt-get install redis-server)", e);
        }
        process = p;
        if (pidFile != null) {
            pidFile.record(p.toHandle());
        }
        awaitPing(p);
        if (watchdog) {
            p.onExit().thenRun(() -> onExit(p));
        }
        LOG.info("redis-server pid {} on {}:{}{}", p.pid(), bind.host(), port, dataDir == null ? "" : ", AOF in " + dataDir);
    }

    private void onExit(Process died) {
        Duration backoff = Duration.ofMillis(200);
        while (true) {
            synchronized (this) {
                if (stopping || process != died) {
                    return;
                }
                LOG.warn("redis-server pid {} on port {} exited with {}; starting it again", died.pid(), port, died.exitValue());
                try {
                    launch();
                    restarts.incrementAndGet();
                    return;
                } catch (RuntimeException e) {
                    LOG.error("restarting redis-server on port {} failed, next try in {}: {}", port, backoff, e.toString());
                }
            }
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    private void awaitPing(Process p) {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        UncheckedIOException last = null;
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("redis-server on " + bind.host() + ":" + port + " exited with " + p.exitValue()
                        + " at startup (port taken? see " + (dataDir == null ? "its output" : dataDir.resolve("redis-server.log")) + ")");
            }
            try {
                String reply = command("PING");
                if ("+PONG".equals(reply)) {
                    return;
                }
                // "-LOADING ...": replaying the AOF
            } catch (UncheckedIOException e) {
                last = e;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        p.destroyForcibly();
        throw new IllegalStateException("redis-server on " + bind.host() + ":" + port + " did not answer PING within " + STARTUP, last);
    }

    private Path binary() {
        if (!jarBinaryOnly) {
            Optional<Path> installed = findRedisServer();
            if (installed.isPresent()) {
                return installed.get();
            }
        }
        try {
            File dir = dataDir != null ? Files.createDirectories(dataDir.resolve("bin")).toFile() : null;
            File exe = dir != null
                    ? redis.embedded.core.ExecutableProvider.newJarResourceProvider(dir).get()
                    : redis.embedded.core.ExecutableProvider.newJarResourceProvider().get();
            if (!exe.canExecute() && !exe.setExecutable(true)) {
                throw new IOException(exe + " is not executable");
            }
            return exe.toPath();
        } catch (IOException e) {
            throw new UncheckedIOException("no redis-server on PATH and the embedded-redis binary cannot be extracted", e);
        }
    }

    /** Debian's redis-server, if installed. */
    public static Optional<Path> findRedisServer() {
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

    /** Which binary a server started now would run, for logs. */
    public static String implementation() {
        return findRedisServer().map(Path::toString).orElse("embedded-redis jar binary");
    }

    public static final class Builder {
        private int port;
        private BindAddress bind = BindAddress.LOOPBACK;
        private Path dataDir;
        private String maxMemory;
        private String maxMemoryPolicy = "noeviction";
        private String appendFsync = "everysec";
        private boolean watchdog;
        private boolean jarBinaryOnly;

        private Builder() {
        }

        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder bind(BindAddress address) {
            this.bind = address;
            return this;
        }

        /** Makes it durable: AOF (everysec), pid file and log in {@code dir}. */
        public Builder dataDir(Path dir) {
            this.dataDir = dir;
            return this;
        }

        /** {@code maxmemory}, e.g. {@code 256mb}; null for none. */
        public Builder maxMemory(String maxMemory) {
            this.maxMemory = maxMemory == null || maxMemory.isBlank() ? null : maxMemory.trim();
            return this;
        }

        public Builder maxMemoryPolicy(String policy) {
            this.maxMemoryPolicy = policy;
            return this;
        }

        /** {@code always}, {@code everysec} (the default) or {@code no}; only with a data directory. */
        public Builder appendFsync(String mode) {
            if (!List.of("always", "everysec", "no").contains(mode)) {
                throw new IllegalArgumentException("appendfsync must be always, everysec or no: " + mode);
            }
            this.appendFsync = mode;
            return this;
        }

        /** Start a dead redis-server again. */
        public Builder watchdog(boolean on) {
            this.watchdog = on;
            return this;
        }

        /** Always the binary shipped in the embedded-redis jar: what a machine without redis-server gets. */
        public Builder jarBinaryOnly(boolean on) {
            this.jarBinaryOnly = on;
            return this;
        }

        public EmbeddedRedis build() {
            return new EmbeddedRedis(this);
        }
    }
}
