package dev.layerwatch.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pid file for a child process, kept in the component's data directory, so a process orphaned by a crash of
 * the JVM that started it (kill -9 leaves children running) is found and stopped at the next start-up.
 * The file records the pid, the process's start instant and its executable, and {@link #sweep()} stops a process
 * only when all three still match: a recycled pid that now belongs to something else is left alone.
 */
public final class ChildProcessFile {

    private static final Logger LOG = LoggerFactory.getLogger(ChildProcessFile.class);
    private static final Duration GRACE = Duration.ofSeconds(10);

    private final Path file;

    public ChildProcessFile(Path file) {
        this.file = file;
    }

    public Path path() {
        return file;
    }

    /** Records {@code process} (call right after starting it). */
    public void record(ProcessHandle process) {
        String started = process.info().startInstant().map(Instant::toString).orElse("-");
        String command = process.info().command().orElse("-");
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, process.pid() + "\n" + started + "\n" + command + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write pid file " + file, e);
        }
    }

    /** Removes the file after a clean stop. */
    public void clear() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("cannot delete pid file {}: {}", file, e.toString());
        }
    }

    /**
     * Stops the process the file names if it is still the same process (an orphan of a crashed predecessor):
     * SIGTERM first (Redis flushes its append-only file on it), SIGKILL after a grace period. Returns the pid stopped.
     */
    public Optional<Long> sweep() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Optional<ProcessHandle> orphan = recorded();
        clear();
        if (orphan.isEmpty()) {
            return Optional.empty();
        }
        ProcessHandle p = orphan.get();
        LOG.warn("stopping orphaned child process {} ({}) left by a previous run (pid file {})", p.pid(),
                p.info().command().orElse("?"), file);
        p.destroy();
        try {
            p.onExit().get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            p.destroyForcibly();
            try {
                p.onExit().get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception again) {
                throw new IllegalStateException("orphaned process " + p.pid() + " did not exit after SIGKILL", again);
            }
        }
        return Optional.of(p.pid());
    }

    private Optional<ProcessHandle> recorded() {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.size() < 3) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).trim());
            String started = lines.get(1).trim();
            String command = lines.get(2).trim();
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> started.equals(p.info().startInstant().map(Instant::toString).orElse("-")))
                    .filter(p -> command.equals(p.info().command().orElse("-")));
        } catch (IOException | NumberFormatException e) {
            LOG.warn("ignoring unreadable pid file {}: {}", file, e.toString());
            return Optional.empty();
        }
    }
}
