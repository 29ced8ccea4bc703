package dev.layerwatch.engine.vulndb;

import dev.layerwatch.engine.standard.VulnerabilityMatchers;
import dev.layerwatch.common.finding.VulnerabilityFinding;
import dev.layerwatch.engine.ecosystem.debian.DebianReleases;
import dev.layerwatch.engine.inventory.Ecosystem;
import dev.layerwatch.engine.inventory.Package;
import dev.layerwatch.engine.match.MatchReport;
import dev.layerwatch.engine.match.VulnerabilityMatcher;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Not a test: run by {@code bench/vulndb.sh}. Generates a full-scale synthetic OSV set in the real schema
 * (GHSA-shaped records with aliases, CVSS v3.1 vectors, details, several affected entries with
 * multi-branch ranges, some explicit version lists) as per-ecosystem {@code all.zip} files, imports it,
 * and measures import time, DB size, lookups per second and the time to match 2,000 packages.
 * Arguments: [records (default 200000)] [work dir (default a temp dir)].
 */
public final class VulnDbBenchmark {

    private static final String[][] ECOSYSTEMS = {{"npm", "NPM"}, {"Maven", "MAVEN"}, {"PyPI", "PYPI"}, {"Go", "GOLANG"}};
    private static final int PACKAGES_PER_ECOSYSTEM = 12_500;

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        Path work = args.length > 1 ? Files.createDirectories(Path.of(args[1])) : Files.createTempDirectory("vulndb-bench");
        Path feeds = Files.createDirectories(work.resolve("feeds"));
        Path db = work.resolve("db");
        SnapshotWriter.deleteTree(db);

        long t0 = System.nanoTime();
        List<Path> zips = generate(feeds, records);
        long feedBytes = 0;
        for (Path z : zips) {
            feedBytes += Files.size(z);
        }
        System.out.printf(Locale.ROOT, "generated %d OSV records in %d zips (%.1f MB) in %.1f s%n", records, zips.size(),
                feedBytes / 1e6, (System.nanoTime() - t0) / 1e9);

        long t1 = System.nanoTime();
        FeedImporter.Result result = new FeedImporter().importInto(db,
                new FeedImporter.Sources(zips, List.of(), List.of(), DebianReleases.defaults()));
        double importSeconds = (System.nanoTime() - t1) / 1e9;
        Path file = SnapshotPointer.snapshotFile(db, result.version());
        System.out.printf(Locale.ROOT, "import: %d advisories, %d warnings, %.1f s (%.0f records/s), DB size %.1f MB%n",
                result.advisories(), result.warnings().size(), importSeconds, result.advisories() / importSeconds,
                Files.size(file) / 1e6);

        try (VulnDb vulnDb = VulnDb.open(db)) {
            VulnDbSnapshot snapshot = vulnDb.current();
            Random random = new Random(7);
            int lookups = 50_000;
            long found = 0;
            for (int i = 0; i < 2_000; i++) {
                found += snapshot.lookup(ECOSYSTEMS[i % 4][0], name(ECOSYSTEMS[i % 4][0], random.nextInt(PACKAGES_PER_ECOSYSTEM))).size();
            }
            long t2 = System.nanoTime();
            for (int i = 0; i < lookups; i++) {
                String eco = ECOSYSTEMS[i % 4][0];
                found += snapshot.lookup(eco, name(eco, random.nextInt(PACKAGES_PER_ECOSYSTEM))).size();
            }
            double lookupSeconds = (System.nanoTime() - t2) / 1e9;
            System.out.printf(Locale.ROOT, "lookups: %d in %.2f s = %.0f lookups/s (1 thread, %.1f advisories per lookup, decoded)%n",
                    lookups, lookupSeconds, lookups / lookupSeconds, (double) found / (lookups + 2_000));

            int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long t3 = System.nanoTime();
            List<Future<Integer>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int seed = t;
                futures.add(pool.submit(() -> {
                    Random r = new Random(seed);
                    int n = 0;
                    for (int i = 0; i < lookups / threads; i++) {
                        String eco = ECOSYSTEMS[i % 4][0];
                        n += snapshot.lookup(eco, name(eco, r.nextInt(PACKAGES_PER_ECOSYSTEM))).size();
                    }
                    return n;
                }));
            }
            for (Future<Integer> f : futures) {
                f.get();
            }
            double parallelSeconds = (System.nanoTime() - t3) / 1e9;
            pool.shutdown();
            System.out.printf(Locale.ROOT, "lookups: %d in %.2f s = %.0f lookups/s (%d threads)%n",
                    (lookups / threads) * threads, parallelSeconds, (lookups / threads) * threads / parallelSeconds, threads);

            List<Package> packages = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                String[] eco = ECOSYSTEMS[i % 4];
                String name = name(eco[0], random.nextInt(PACKAGES_PER_ECOSYSTEM));
                String version = (1 + random.nextInt(4)) + "." + random.nextInt(20) + "." + random.nextInt(10);
                Ecosystem e = Ecosystem.valueOf(eco[1]);
                packages.add(new Package(name, e == Ecosystem.GOLANG ? "v" + version : version, e,
                        "pkg:" + e.purlType() + "/" + name.replace(':', '/') + "@" + version, null, null, null, List.of(), false));
            }
            VulnerabilityMatcher matcher = VulnerabilityMatchers.over(vulnDb);
            matcher.matchReport(packages.subList(0, 200), null);
            long t4 = System.nanoTime();
            MatchReport report = matcher.matchReport(packages, null);
            double matchSeconds = (System.nanoTime() - t4) / 1e9;
            long critical = report.findings().stream().map(VulnerabilityFinding::severity).filter(s -> s.name().equals("CRITICAL")).count();
            System.out.printf(Locale.ROOT, "match: 2000 packages in %.2f s -> %d findings (%d critical), %d warnings%n",
                    matchSeconds, report.findings().size(), critical, report.warnings().size());
        }
    }

    private static String name(String ecosystem, int i) {
        return switch (ecosystem) {
            case "Maven" -> "org.example.group" + (i % 500) + ":artifact-" + i;
            case "PyPI" -> "py-project-" + i;
            case "Go" -> "github.com/example" + (i % 300) + "/module" + i;
            default -> (i % 7 == 0 ? "@scope" + (i % 40) + "/" : "") + "package-" + i;
        };
    }

    private static List<Path> generate(Path dir, int records) throws IOException {
        List<Path> zips = new ArrayList<>();
        int perEcosystem = records / ECOSYSTEMS.length;
        for (int e = 0; e < ECOSYSTEMS.length; e++) {
            String eco = ECOSYSTEMS[e][0];
            Path zip = Files.createDirectories(dir.resolve(eco)).resolve("all.zip");
            int count = e == ECOSYSTEMS.length - 1 ? records - perEcosystem * e : perEcosystem;
            Path marker = dir.resolve(eco).resolve("records-" + count);
            zips.add(zip);
            Random random = new Random(42 + e);
            if (Files.exists(marker) && Files.exists(zip)) {
                continue; // same set as a previous run in this work dir (the generator is seeded)
            }
            try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
                for (int i = 0; i < count; i++) {
                    String id = "GHSA-" + e + String.format(Locale.ROOT, "%03x", i % 4096) + "-" + Integer.toString(i, 36) + "-bnch";
                    z.putNextEntry(new ZipEntry(id + ".json"));
                    z.write(record(id, eco, e * 1_000_000 + i, random).getBytes(StandardCharsets.UTF_8));
                    z.closeEntry();
                }
            }
            Files.createFile(marker);
        }
        return zips;
    }

    private static String record(String id, String eco, int n, Random r) {
        String pkg = name(eco, r.nextInt(PACKAGES_PER_ECOSYSTEM));
        StringBuilder affected = new StringBuilder();
        int entries = 1 + r.nextInt(3);
        for (int a = 0; a < entries; a++) {
            int major = 1 + r.nextInt(4);
            int minor = r.nextInt(20);
            if (a > 0) {
                affected.append(',');
            }
            affected.append("{\"package\":{\"ecosystem\":\"").append(eco).append("\",\"name\":\"").append(pkg).append("\"},")
                    .append("\"ranges\":[{\"type\":\"").append(eco.equals("Go") ? "SEMVER" : "ECOSYSTEM").append("\",\"events\":[")
                    .append("{\"introduced\":\"").append(a == 0 ? "0" : major + "." + minor + ".0").append("\"},")
                    .append("{\"fixed\":\"").append(major).append('.').append(minor).append('.').append(1 + r.nextInt(9)).append("\"}")
                    .append("]}]");
            if (r.nextInt(5) == 0) {
                affected.append(",\"versions\":[");
                for (int v = 0; v < 8; v++) {
                    affected.append(v > 0 ? "," : "").append('"').append(major).append('.').append(minor).append('.').append(v).append('"');
                }
                affected.append(']');
            }
            affected.append(",\"database_specific\":{\"source\":\"https://github.com/github/advisory-database\"}}");
        }
        String vector = "CVSS:3.1/AV:N/AC:" + (r.nextBoolean() ? "L" : "H") + "/PR:N/UI:" + (r.nextBoolean() ? "N" : "R")
                + "/S:U/C:H/I:" + (r.nextBoolean() ? "H" : "L") + "/A:N";
        return "{\n  \"schema_version\": \"1.4.0\",\n  \"id\": \"" + id + "\",\n  \"modified\": \"2024-0" + (1 + r.nextInt(9))
                + "-1" + r.nextInt(10) + "T10:00:00Z\",\n  \"published\": \"2023-05-01T00:00:00Z\",\n  \"aliases\": [\"CVE-2023-" + (10000 + n)
                + "\"],\n  \"summary\": \"Synthetic vulnerability " + n + " in " + pkg + "\",\n  \"details\": \"" + "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(6)
                + "\",\n  \"severity\": [{\"type\": \"CVSS_V3\", \"score\": \"" + vector + "\"}],\n  \"affected\": [" + affected
                + "],\n  \"references\": [{\"type\": \"ADVISORY\", \"url\": \"https://nvd.nist.gov/vuln/detail/CVE-2023-" + (10000 + n)
                + "\"}, {\"type\": \"PACKAGE\", \"url\": \"https://example.com/" + pkg + "\"}],\n  \"database_specific\": {\"cwe_ids\": [\"CWE-79\"], \"severity\": \"HIGH\", \"github_reviewed\": true}\n}";
    }

    private VulnDbBenchmark() {
    }
}
