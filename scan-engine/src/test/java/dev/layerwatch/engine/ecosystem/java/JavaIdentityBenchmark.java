package dev.layerwatch.engine.ecosystem.java;

import dev.layerwatch.engine.catalog.CatalogResult;
import dev.layerwatch.engine.inventory.Package;
import dev.layerwatch.engine.layer.FileMeta;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Java identity on real jars (bench/java-identity.sh; not run by CI): every jar of a local Maven repository is
 * catalogued as if it sat in an image's {@code /app/lib/} (only its file name and content are seen); the jar's
 * repository path gives the true coordinates. Counts, per jar, whether the package for the jar itself has the
 * right group, a group flagged as guessed, no package, or a wrong group not flagged (silently invented).
 */
public final class JavaIdentityBenchmark {

    public static void main(String[] args) throws IOException {
        Path repo = Path.of(args.length > 0 ? args[0] : System.getProperty("user.home") + "/.m2/repository");
        List<Path> jars;
        try (Stream<Path> files = Files.walk(repo)) {
            jars = files.filter(p -> p.toString().endsWith(".jar")).filter(JavaIdentityBenchmark::isMainArtifact)
                    .sorted().toList();
        }
        JavaArchiveCataloger cataloger = new JavaArchiveCataloger();
        int right = 0;
        int guessedRight = 0;
        int guessedWrong = 0;
        int silentlyWrong = 0;
        int missing = 0;
        int withoutPom = 0;
        int rightWithoutPom = 0;
        Map<String, String> wrongExamples = new TreeMap<>();
        for (Path jar : jars) {
            Path versionDir = jar.getParent();
            Path artifactDir = versionDir.getParent();
            String artifact = artifactDir.getFileName().toString();
            String group = repo.relativize(artifactDir.getParent()).toString().replace('/', '.');
            String location = "app/lib/" + jar.getFileName();
            CatalogResult result;
            try (InputStream in = Files.newInputStream(jar)) {
                result = cataloger.catalog(new FileMeta(location, Files.size(jar), 0644), in);
            }
            Package own = result.packages().stream()
                    .filter(p -> p.locations().getFirst().equals("/" + location))
                    .filter(p -> p.name().equals(group + ":" + artifact) || p.name().endsWith(":" + artifact)
                            || p.name().equals(artifact))
                    .findFirst().orElse(null);
            boolean pomSaysSo = JarPom.has(jar);
            if (!pomSaysSo) {
                withoutPom++;
            }
            if (own == null) {
                missing++;
                wrongExamples.putIfAbsent("missing " + group + ":" + artifact, jar.getFileName().toString());
                continue;
            }
            boolean groupRight = own.name().equals(group + ":" + artifact);
            if (own.coordinatesGuessed()) {
                if (groupRight) {
                    guessedRight++;
                } else {
                    guessedWrong++;
                    if (System.getenv("SHOW_GUESSED") != null) {
                        System.out.println("guessed " + own.name() + " (true " + group + ":" + artifact + ")");
                    }
                }
            } else if (groupRight) {
                right++;
                if (!pomSaysSo) {
                    rightWithoutPom++;
                }
            } else {
                silentlyWrong++;
                wrongExamples.putIfAbsent(own.name() + " (true " + group + ":" + artifact + ")", jar.getFileName().toString());
            }
        }
        int total = jars.size();
        System.out.printf("jars: %d (%d without pom.properties)%n", total, withoutPom);
        System.out.printf("group right, stated: %d (%.2f%%), of them without pom.properties: %d%n", right,
                100.0 * right / total, rightWithoutPom);
        System.out.printf("group right, flagged as guessed: %d%n", guessedRight);
        System.out.printf("group share right (stated or guessed): %.2f%%%n", 100.0 * (right + guessedRight) / total);
        System.out.printf("group wrong but flagged as guessed: %d%n", guessedWrong);
        System.out.printf("group wrong, NOT flagged (silently invented): %d%n", silentlyWrong);
        System.out.printf("no package for the jar: %d%n", missing);
        wrongExamples.entrySet().stream().limit(40).forEach(e -> System.out.println("  " + e.getKey() + " <- " + e.getValue()));
    }

    private static boolean isMainArtifact(Path jar) {
        String name = jar.getFileName().toString();
        String version = jar.getParent().getFileName().toString();
        String artifact = jar.getParent().getParent().getFileName().toString();
        // the artifact's own jar: <artifact>-<version>.jar, no classifier (sources, javadoc, tests, natives…)
        return name.equals(artifact + "-" + version + ".jar");
    }

    /** Whether the jar carries any pom.properties (read with java.util.zip, outside the product's reader). */
    private static final class JarPom {
        static boolean has(Path jar) {
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
                return zip.stream().anyMatch(e -> e.getName().startsWith("META-INF/maven/") && e.getName().endsWith("pom.properties"));
            } catch (IOException e) {
                return false;
            }
        }
    }

    private JavaIdentityBenchmark() {
    }

}
