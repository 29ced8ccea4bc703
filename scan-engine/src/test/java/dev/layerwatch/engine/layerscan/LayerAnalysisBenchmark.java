package dev.layerwatch.engine.layerscan;

import dev.layerwatch.common.image.Digest;
import dev.layerwatch.engine.analysis.AnalyzerSet;
import dev.layerwatch.engine.layer.LayerLimits;
import dev.layerwatch.engine.standard.AnalyzerSets;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Not a test (surefire runs *Test and *IT only): run through {@code bench/layer-analysis.sh}.
 * <ul>
 *   <li>{@code compare LAYER.tar.gz [ROUNDS]}: on the same blob, the engine's full layer analysis
 *       (diff-id check, inflate, tar walk, every standard cataloger and the secret scanner) against a
 *       bare {@code java.util.zip} inflate and against {@code gzip -dc > /dev/null}, rounds interleaved;</li>
 *   <li>{@code generate FILE BYTES}: writes a synthetic gzip layer of about BYTES uncompressed;</li>
 *   <li>{@code analyze FILE}: analyses one layer and prints the process's peak RSS (VmHWM).</li>
 * </ul>
 */
public final class LayerAnalysisBenchmark {

    private static final int BUFFER = 1 << 17;

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: compare LAYER.tar.gz [ROUNDS] | generate FILE BYTES | analyze FILE");
            System.exit(2);
        }
        switch (args[0]) {
            case "compare" -> compare(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 5);
            case "generate" -> generate(Path.of(args[1]), Long.parseLong(args[2]));
            case "analyze" -> analyzeOnce(Path.of(args[1]));
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    private static void compare(Path layer, int rounds) throws Exception {
        AnalyzerSet standard = AnalyzerSets.standard();
        LayerAnalyzer walkOnly = new LayerAnalyzer(new AnalyzerSet(null, null, null, null, null, null), LayerLimits.DEFAULTS);
        LayerAnalyzer catalogers = new LayerAnalyzer(new AnalyzerSet(standard.catalogers(), null, standard.osRelease(),
                standard.trackedPaths(), null, null), LayerLimits.DEFAULTS);
        LayerAnalyzer everything = new LayerAnalyzer(standard, LayerLimits.DEFAULTS);
        LayerResult warm = analyze(everything, layer, null);
        Digest diffId = Digest.parse(warm.diffId());
        System.out.printf(Locale.ROOT, "layer %s: %.1f MiB compressed, diff id %s, %d files kept, %d packages, %d secrets, %d warnings%n",
                layer, Files.size(layer) / 1048576.0, diffId, warm.files().size(),
                warm.files().stream().mapToInt(f -> f.packages().size()).sum(), warm.secrets().size(), warm.warnings().size());
        bareInflate(layer);
        analyze(catalogers, layer, diffId);
        Contender bare = new Contender("bare JDK inflate");
        Contender gzip = new Contender("gzip -dc > /dev/null");
        Contender walk = new Contender("engine walk only (diff-id check, inflate, tar walk, no readers)");
        Contender full = new Contender("full layer analysis (walk + every cataloger + os-release)");
        Contender withSecrets = new Contender("full layer analysis + secret scanner");
        for (int r = 0; r < rounds; r++) {
            walk.time(() -> verified(walkOnly, layer, diffId));
            full.time(() -> verified(catalogers, layer, diffId));
            withSecrets.time(() -> verified(everything, layer, diffId));
            bare.time(() -> bareInflate(layer));
            gzip.timeProcess(layer);
        }
        System.out.printf(Locale.ROOT, "%d interleaved rounds: median wall ms [best], median CPU ms (process CPU with JIT, GC and"
                + " every thread; the analysis inflates on a second thread, so its CPU exceeds its wall time);"
                + " ratios of wall medians, then of CPU medians%n", rounds);
        for (Contender c : List.of(bare, gzip, walk, full, withSecrets)) {
            System.out.printf(Locale.ROOT, "  %-66s wall %6.0f [%5.0f]  cpu %6.0f   wall %5.2f x bare, %5.2f x gzip   cpu %5.2f x bare, %5.2f x gzip%n",
                    c.name, median(c.wall), Collections.min(c.wall) / 1e6, median(c.cpu),
                    median(c.wall) / median(bare.wall), median(c.wall) / median(gzip.wall),
                    median(c.cpu) / median(bare.cpu), median(c.cpu) / median(gzip.cpu));
        }
        System.out.println("goals: full analysis (with the secret scanner) <= 1.25 x bare inflate, and < 1.0 x gzip -dc");
    }

    @FunctionalInterface
    private interface Run {
        void run() throws Exception;
    }

    /** Wall and CPU times of one contender: CPU of this process, or of the child process for gzip. */
    private static final class Contender {
        private static final com.sun.management.OperatingSystemMXBean OS =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        final String name;
        final List<Long> wall = new ArrayList<>();
        final List<Long> cpu = new ArrayList<>();

        Contender(String name) {
            this.name = name;
        }

        void time(Run run) throws Exception {
            long c0 = OS.getProcessCpuTime();
            long t0 = System.nanoTime();
            run.run();
            wall.add(System.nanoTime() - t0);
            cpu.add(OS.getProcessCpuTime() - c0);
        }

        void timeProcess(Path layer) throws Exception {
            Path times = Files.createTempFile("gzip-time", ".txt");
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder("/usr/bin/time", "-o", times.toString(), "-f", "%U %S", "gzip", "-dc", layer.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("gzip -dc failed");
            }
            wall.add(System.nanoTime() - t0);
            String[] us = Files.readString(times).trim().split("\\s+");
            Files.delete(times);
            cpu.add((long) ((Double.parseDouble(us[0]) + Double.parseDouble(us[1])) * 1e9));
        }
    }

    private static void verified(LayerAnalyzer analyzer, Path layer, Digest diffId) throws IOException {
        LayerResult result = analyze(analyzer, layer, diffId);
        if (result.failed() || result.warnings().stream().anyMatch(w -> w.contains("diff id mismatch"))) {
            throw new IllegalStateException("analysis did not verify the layer: " + result.warnings() + " " + result.failure());
        }
    }

    private static LayerResult analyze(LayerAnalyzer analyzer, Path layer, Digest diffId) throws IOException {
        try (InputStream in = Files.newInputStream(layer)) {
            return analyzer.analyze("sha256:benchmark", in, diffId);
        }
    }

    private static long bareInflate(Path layer) throws IOException {
        long total = 0;
        byte[] buf = new byte[BUFFER];
        try (InputStream in = new GZIPInputStream(Files.newInputStream(layer), BUFFER)) {
            for (int n; (n = in.read(buf)) >= 0; ) {
                total += n;
            }
        }
        return total;
    }

    private static double median(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int m = sorted.size() / 2;
        double v = sorted.size() % 2 == 1 ? sorted.get(m) : (sorted.get(m - 1) + sorted.get(m)) / 2.0;
        return v / 1e6;
    }

    private static void analyzeOnce(Path layer) throws IOException {
        long t0 = System.nanoTime();
        LayerResult result = analyze(new LayerAnalyzer(AnalyzerSets.standard(), LayerLimits.DEFAULTS), layer, null);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf(Locale.ROOT, "analysed %s in %d ms: complete=%s failed=%s, %d packages, %d warnings%n", layer, ms,
                result.complete(), result.failure(), result.files().stream().mapToInt(f -> f.packages().size()).sum(), result.warnings().size());
        System.out.printf(Locale.ROOT, "max heap %d MiB, peak RSS %s%n", Runtime.getRuntime().maxMemory() >> 20, peakRss());
    }

    private static String peakRss() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return line.substring(6).trim();
            }
        }
        return "unknown";
    }

    /**
     * A synthetic layer: a dpkg status, package.json and METADATA files (so catalogers and the secret
     * scanner read something), text files and incompressible blobs, and one 256 MiB file nobody wants.
     */
    private static void generate(Path file, long bytes) throws IOException {
        Random random = new Random(42);
        long written = 0;
        try (OutputStream out = new BufferedOutputStream(new GZIPOutputStream(Files.newOutputStream(file), BUFFER), BUFFER);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name())) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            StringBuilder status = new StringBuilder();
            for (int i = 0; i < 100; i++) {
                status.append("Package: pkg").append(i).append("\nStatus: install ok installed\nVersion: 1.").append(i).append("-1\n\n");
            }
            written += put(tar, "var/lib/dpkg/status", status.toString().getBytes(StandardCharsets.UTF_8));
            written += put(tar, "etc/os-release", "ID=debian\nVERSION_ID=\"12\"\n".getBytes(StandardCharsets.UTF_8));
            long bigFile = Math.min(256L << 20, bytes / 4);
            written += zeros(tar, "opt/data/big.bin", bigFile, random);
            byte[] blob = new byte[1 << 20];
            int i = 0;
            while (written < bytes) {
                i++;
                if (i % 10 == 0) {
                    random.nextBytes(blob);
                    written += put(tar, "usr/lib/blob/" + i + ".so", blob);
                } else if (i % 10 == 1) {
                    written += put(tar, "usr/lib/node_modules/m" + i + "/package.json",
                            ("{\"name\":\"m" + i + "\",\"version\":\"1.0." + i + "\"}").getBytes(StandardCharsets.UTF_8));
                } else {
                    StringBuilder text = new StringBuilder();
                    while (text.length() < 64 * 1024) {
                        text.append("line ").append(random.nextInt(1_000_000)).append(" of generated documentation text\n");
                    }
                    written += put(tar, "usr/share/doc/d" + i + "/README", text.toString().getBytes(StandardCharsets.UTF_8));
                }
            }
            tar.finish();
        }
        System.out.printf(Locale.ROOT, "wrote %s: %.1f MiB uncompressed, %.1f MiB gzip%n", file, written / 1048576.0, Files.size(file) / 1048576.0);
    }

    private static long put(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(content.length);
        tar.putArchiveEntry(e);
        tar.write(content);
        tar.closeArchiveEntry();
        return content.length;
    }

    private static long zeros(TarArchiveOutputStream tar, String name, long size, Random random) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(size);
        tar.putArchiveEntry(e);
        byte[] chunk = new byte[1 << 16];
        for (long left = size; left > 0; left -= chunk.length) {
            chunk[random.nextInt(chunk.length)] = (byte) random.nextInt();
            tar.write(chunk, 0, (int) Math.min(chunk.length, left));
        }
        tar.closeArchiveEntry();
        return size;
    }
}
