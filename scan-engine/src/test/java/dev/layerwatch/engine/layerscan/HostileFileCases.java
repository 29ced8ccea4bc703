package dev.layerwatch.engine.layerscan;

import dev.layerwatch.engine.standard.AnalyzerSets;
import dev.layerwatch.engine.layer.LayerLimits;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Hostile layer files, generated at run time and fed to the standard analyzer set one layer each; run in a JVM
 * with a small heap by {@link HostileFilesTest}. Prints one {@code CASE} line per case:
 * {@code CASE <name> ms=<elapsed> heapMb=<peak> failed=<failure or -> packages=<n> warnings=<n> | <first warnings>}.
 * Large files are streamed into an uncompressed tar through a pipe, so the generator holds no file in memory
 * and the layer's expansion ratio is 1 (the bomb check does not stop the read before the catalogers see it).
 */
public final class HostileFileCases {

    static final long MB = 1L << 20;

    /** Content of one generated file, written in chunks. */
    interface Content {
        void write(OutputStream out) throws IOException;
    }

    record Case(String name, String path, int mode, long size, Content content, boolean gzip) {
    }

    public static void main(String[] args) throws Exception {
        long big = args.length > 0 ? Long.parseLong(args[0]) * MB : 50 * MB;
        String only = args.length > 1 ? args[1] : null;
        for (Case c : cases(big)) {
            if (only == null || c.name().contains(only)) {
                run(c);
            }
        }
        System.out.println("DONE");
    }

    static List<Case> cases(long big) {
        List<Case> cases = new ArrayList<>();
        // the cases
        long fiveMb = 5 * MB;
        cases.add(new Case("dpkg-5MB-invalid-lines-in-gzip", "var/lib/dpkg/status", 0644, fiveMb,
                repeat("x\n", fiveMb), true));
        long huge = 300 * MB;
        cases.add(new Case("dpkg-300MB-single-line", "var/lib/dpkg/status", 0644, huge, repeat("A", huge), false));
        byte[] head = "Package: a\nStatus: install ok installed\nVersion: 1.0\nDescription: d\n".getBytes(StandardCharsets.US_ASCII);
        long continuations = head.length + 100_000L * 3;
        cases.add(new Case("dpkg-100k-continuation-lines", "var/lib/dpkg/status", 0644, continuations,
                prefixed(head, repeat(" c\n", continuations - head.length)), true));
        cases.add(new Case("dpkg-continuations-" + big / MB + "MB", "var/lib/dpkg/status", 0644, big,
                prefixed(head, repeat(" c\n", big - head.length)), false));
        cases.add(new Case("dpkg-unique-fields-" + big / MB + "MB", "var/lib/dpkg/status", 0644, big,
                counted("F%09d: v\n", big), false));
        cases.add(new Case("dpkg-tiny-stanzas-" + big / MB + "MB", "var/lib/dpkg/status", 0644, big,
                counted("Package: p%09d\nVersion: 1\n\n", big), false));
        cases.add(new Case("apk-tiny-stanzas-" + big / MB + "MB", "lib/apk/db/installed", 0644, big,
                counted("P:p%09d\nV:1\n\n", big), false));
        // every cataloger: one line of the whole size, and the whole size in short invalid lines
        String[][] paths = {
                {"apk", "lib/apk/db/installed"}, {"dpkg", "var/lib/dpkg/status"},
                {"dpkg-status.d", "var/lib/dpkg/status.d/x"},
                {"rpm-bdb", "var/lib/rpm/Packages"}, {"rpm-sqlite", "var/lib/rpm/rpmdb.sqlite"},
                {"rpm-ndb", "usr/lib/sysimage/rpm/Packages.db"}, {"java", "app/lib/x.jar"},
                {"npm-package", "app/node_modules/x/package.json"}, {"npm-lock", "app/package-lock.json"},
                {"yarn", "app/yarn.lock"}, {"pnpm", "app/pnpm-lock.yaml"},
                {"python-metadata", "usr/lib/python3/site-packages/x-1.dist-info/METADATA"},
                {"python-requirements", "app/requirements.txt"}, {"poetry", "app/poetry.lock"},
                {"go", "usr/local/bin/x"}};
        for (String[] p : paths) {
            int mode = p[0].equals("go") ? 0755 : 0644;
            cases.add(new Case(p[0] + "-one-line-" + big / MB + "MB", p[1], mode, big, repeat("A", big), false));
            cases.add(new Case(p[0] + "-short-lines-" + big / MB + "MB", p[1], mode, big, repeat("x\n", big), false));
        }
        // format-specific
        cases.add(new Case("npm-lock-nesting-" + big / MB + "MB", "app/package-lock.json", 0644, big, repeat("[", big), false));
        cases.add(new Case("npm-package-string-" + big / MB + "MB", "app/node_modules/x/package.json", 0644, big,
                prefixed("{\"name\":\"".getBytes(StandardCharsets.US_ASCII), repeat("A", big - 9)), false));
        cases.add(new Case("pnpm-nesting-" + big / MB + "MB", "app/pnpm-lock.yaml", 0644, big, repeat("- ", big), false));
        cases.add(new Case("requirements-continuations-" + big / MB + "MB", "app/requirements.txt", 0644, big,
                repeat("a\\\n", big), false));
        cases.add(new Case("java-zip-headers-" + big / MB + "MB", "app/lib/x.jar", 0644, big,
                repeat("PK\u0003\u0004", big), false));
        cases.add(new Case("go-elf-garbage-" + big / MB + "MB", "usr/local/bin/x", 0755, big,
                prefixed(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0}, repeat("\u00ff", big - 8)), false));
        return cases;
    }

    static void run(Case c) throws Exception {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        LayerResult result;
        long layerBytes;
        try {
            LayerAnalyzer analyzer = new LayerAnalyzer(AnalyzerSets.standard(), LayerLimits.DEFAULTS);
            if (c.gzip()) {
                byte[] layer = gzipLayer(c);
                layerBytes = layer.length;
                result = analyzer.analyze(c.name(), new ByteArrayInputStream(layer), null);
            } else {
                layerBytes = -1;
                try (InputStream layer = pipedLayer(c)) {
                    result = analyzer.analyze(c.name(), layer, null);
                }
            }
        } catch (Throwable t) {
            System.out.println("CASE " + c.name() + " ERROR " + t);
            return;
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() / MB;
        int packages = result.files().stream().mapToInt(f -> f.packages().size()).sum();
        String shown = String.join(" // ", result.warnings().stream().limit(3)
                .map(w -> w.length() > 160 ? w.substring(0, 160) + "…" : w).toList());
        System.out.println("CASE " + c.name() + " ms=" + ms + " heapMb=" + peak + " layerBytes=" + layerBytes
                + " failed=" + (result.failure() == null ? "-" : result.failure().replace(' ', '_'))
                + " packages=" + packages + " warnings=" + result.warnings().size() + " | " + shown);
    }

    private static byte[] gzipLayer(Case c) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            writeTar(c, gzip);
        }
        return bytes.toByteArray();
    }

    private static InputStream pipedLayer(Case c) throws IOException {
        PipedInputStream in = new PipedInputStream(1 << 16);
        PipedOutputStream out = new PipedOutputStream(in);
        Thread writer = Thread.ofPlatform().daemon().start(() -> {
            try (out) {
                writeTar(c, out);
            } catch (IOException e) {
                // the reader stopped early (a layer cap): nothing more to write
            }
        });
        writer.setName("tar-writer-" + c.name());
        return in;
    }

    private static void writeTar(Case c, OutputStream out) throws IOException {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        TarArchiveEntry entry = new TarArchiveEntry(c.path(), true);
        entry.setSize(c.size());
        entry.setMode(c.mode());
        entry.setModTime(1_700_000_000_000L);
        tar.putArchiveEntry(entry);
        c.content().write(tar);
        tar.closeArchiveEntry();
        tar.finish();
        tar.flush();
    }

    /** {@code unit} repeated to exactly {@code size} bytes. */
    static Content repeat(String unit, long size) {
        byte[] u = unit.getBytes(StandardCharsets.ISO_8859_1);
        return out -> {
            byte[] chunk = new byte[(1 << 16) / u.length * u.length];
            for (int i = 0; i < chunk.length; i++) {
                chunk[i] = u[i % u.length];
            }
            for (long left = size; left > 0; left -= chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
        };
    }

    /** A numbered pattern ({@code %09d}) repeated to exactly {@code size} bytes. */
    static Content counted(String pattern, long size) {
        return out -> {
            long left = size;
            for (long i = 0; left > 0; i++) {
                byte[] b = String.format(pattern, i).getBytes(StandardCharsets.US_ASCII);
                int n = (int) Math.min(b.length, left);
                out.write(b, 0, n);
                left -= n;
            }
        };
    }

    static Content prefixed(byte[] head, Content rest) {
        return out -> {
            out.write(head);
            rest.write(out);
        };
    }
}
