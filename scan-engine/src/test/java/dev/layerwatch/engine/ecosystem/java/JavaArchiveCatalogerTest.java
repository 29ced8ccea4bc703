package dev.layerwatch.engine.ecosystem.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerwatch.engine.catalog.CatalogResult;
import dev.layerwatch.engine.ecosystem.RootfsFixture;
import dev.layerwatch.engine.inventory.Package;
import dev.layerwatch.engine.layer.FileMeta;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class JavaArchiveCatalogerTest {

    private final JavaArchiveCataloger cataloger = new JavaArchiveCataloger();

    @Test
    void plainJarFromMavenCentral() {
        CatalogResult result = assertCase("java/plain");
        assertThat(result.packages().get(0).locations()).containsExactly("/app/lib/log4j-api-2.14.1.jar");
    }

    @Test
    void springBootFatJarShowsNestingInLocations() {
        CatalogResult result = assertCase("java/spring-boot");
        assertThat(location(result, "org.apache.logging.log4j:log4j-core"))
                .isEqualTo("/app/app.jar!/BOOT-INF/lib/log4j-core-2.14.1.jar");
        assertThat(location(result, "com.example:demo")).isEqualTo("/app/app.jar");
        assertThat(location(result, "commons-text")).isEqualTo("/app/app.jar!/BOOT-INF/lib/commons-text-1.9.jar");
    }

    @Test
    void warInsideEar() {
        CatalogResult result = assertCase("java/ear");
        assertThat(location(result, "com.fasterxml.jackson.core:jackson-databind"))
                .isEqualTo("/opt/server/shop.ear!/shop-web.war!/WEB-INF/lib/jackson-databind-2.9.10.jar");
    }

    @Test
    void shadedJarGivesOnePackagePerPomProperties() {
        CatalogResult result = assertCase("java/shaded");
        assertThat(result.packages()).allSatisfy(p -> assertThat(p.locations())
                .containsExactly("/app/vulnapp-1.0.0-shaded.jar"));
    }

    @Test
    void corruptArchivesWarnPerFile() {
        Path root = RootfsFixture.root("java/corrupt");
        CatalogResult result = RootfsFixture.scan(root, cataloger);
        assertThat(RootfsFixture.lines(result)).containsExactlyElementsOf(RootfsFixture.expected(root));
        assertThat(result.warnings()).anySatisfy(w -> assertThat(w).startsWith("/app/broken.jar: archive unreadable"));
        assertThat(result.warnings()).anySatisfy(w -> assertThat(w).startsWith("/app/notazip.jar: not a zip archive"));
        assertThat(result.warnings()).anySatisfy(w -> assertThat(w)
                .startsWith("/app/badpom-2.0.jar!/META-INF/maven/x/y/pom.properties: pom.properties lacks"));
    }

    @Test
    void nestingDeeperThanTheCapIsNotRead() throws IOException {
        byte[] archive = zip("META-INF/maven/g/deepest/pom.properties",
                "groupId=g\nartifactId=deepest\nversion=1\n".getBytes(StandardCharsets.UTF_8));
        for (int level = JavaArchiveReader.MAX_DEPTH + 1; level >= 1; level--) {
            archive = zip("lib/level" + level + ".jar", archive);
        }
        CatalogResult result = cataloger.catalog(new FileMeta("deep.jar", archive.length, 0644),
                new ByteArrayInputStream(archive));
        assertThat(result.packages()).isEmpty();
        assertThat(result.warnings()).singleElement().asString().contains("nested deeper than");
    }

    /** Spring Boot's "fully executable" jars start with a shell script; the zip data follows it. */
    @Test
    void launchScriptBeforeTheZipDataIsSkipped() throws IOException {
        byte[] jar = zip("META-INF/maven/com.example/svc/pom.properties",
                "groupId=com.example\nartifactId=svc\nversion=2.0.0\n".getBytes(StandardCharsets.UTF_8));
        byte[] script = "#!/bin/bash\n# launch script\nexec java -jar \"$0\" \"$@\"\n".repeat(100)
                .getBytes(StandardCharsets.UTF_8);
        byte[] executable = new byte[script.length + jar.length];
        System.arraycopy(script, 0, executable, 0, script.length);
        System.arraycopy(jar, 0, executable, script.length, jar.length);
        CatalogResult result = cataloger.catalog(new FileMeta("srv/svc.jar", executable.length, 0755),
                new ByteArrayInputStream(executable));
        assertThat(result.warnings()).isEmpty();
        assertThat(RootfsFixture.lines(result)).containsExactly("com.example:svc 2.0.0 pkg:maven/com.example/svc@2.0.0");
    }

    /** The layer breaks in the middle of a real jar, after the zip reader has started: rethrown, not a warning. */
    @Test
    void aFailingLayerStreamIsRethrownNotTurnedIntoAWarning() throws IOException {
        byte[] jar = Files.readAllBytes(RootfsFixture.root("java/plain").resolve("app/lib/log4j-api-2.14.1.jar"));
        InputStream failing = new InputStream() {
            private int served;

            @Override
            public int read() throws IOException {
                if (served >= 100_000) {
                    throw new IOException("layer stream broke");
                }
                return jar[served++] & 0xff;
            }
        };
        assertThatThrownBy(() -> cataloger.catalog(new FileMeta("a.jar", jar.length, 0644), failing))
                .isInstanceOf(IOException.class).hasMessage("layer stream broke");
    }

    @Test
    void fileNameFallbackKeepsTheLastVersionPart() {
        assertThat(JavaArchiveFileName.parse("log4j-1.2-api-2.14.1.jar")).contains(
                new JavaArchiveFileName.NameVersion("log4j-1.2-api", "2.14.1"));
        assertThat(JavaArchiveFileName.parse("guava-33.0.0-jre.jar")).contains(
                new JavaArchiveFileName.NameVersion("guava", "33.0.0-jre"));
        assertThat(JavaArchiveFileName.parse("x/app-1.0-SNAPSHOT.war")).contains(
                new JavaArchiveFileName.NameVersion("app", "1.0-SNAPSHOT"));
        assertThat(JavaArchiveFileName.parse("zstd-jni-1.5.7-4.jar")).contains(
                new JavaArchiveFileName.NameVersion("zstd-jni", "1.5.7-4"));
        assertThat(JavaArchiveFileName.parse("bsh-2.0b6.jar")).contains(
                new JavaArchiveFileName.NameVersion("bsh", "2.0b6"));
        assertThat(JavaArchiveFileName.parse("kafka-clients-4.1.2-test.jar")).isEmpty();
        assertThat(JavaArchiveFileName.parse("app.jar")).isEmpty();
        assertThat(JavaArchiveFileName.cleanVersion("5.13.0 (b0)")).isEqualTo("5.13.0");
        assertThat(JavaArchiveFileName.cleanVersion("\"1.6\"")).isEqualTo("1.6");
        assertThat(JavaArchiveFileName.cleanVersion("task ':x:jar' property")).isNull();
        assertThat(cataloger.wants(new FileMeta("opt/x/Plugin.HPI", 1, 0644))).isTrue();
        assertThat(cataloger.wants(new FileMeta("opt/x/readme.txt", 1, 0644))).isFalse();
    }

    /** Manifests decorate versions (OSGi qualifiers, build numbers): the Maven file name is trusted first. */
    @Test
    void fileNameVersionBeatsADecoratedManifestVersion() throws IOException {
        byte[] jar = zip("META-INF/MANIFEST.MF", ("Manifest-Version: 1.0\r\nImplementation-Version: 1.9.10-release-459\r\n"
                + "Implementation-Vendor-Id: org.jetbrains.kotlin\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        CatalogResult result = cataloger.catalog(new FileMeta("lib/kotlin-stdlib-1.9.10.jar", jar.length, 0644),
                new ByteArrayInputStream(jar));
        assertThat(RootfsFixture.lines(result)).containsExactly(
                "org.jetbrains.kotlin:kotlin-stdlib 1.9.10 pkg:maven/org.jetbrains.kotlin/kotlin-stdlib@1.9.10");
    }

    /** A jar that shades a dependency's pom.properties but has none of its own is still listed itself. */
    @Test
    void jarWithOnlyForeignPomPropertiesIsListedByItsFileNameToo() throws IOException {
        byte[] jar = zip("META-INF/maven/org.jctools/jctools-core/pom.properties",
                "groupId=org.jctools\nartifactId=jctools-core\nversion=4.0.5\n".getBytes(StandardCharsets.UTF_8));
        CatalogResult result = cataloger.catalog(new FileMeta("lib/opentelemetry-sdk-trace-1.55.0.jar", jar.length, 0644),
                new ByteArrayInputStream(jar));
        assertThat(RootfsFixture.lines(result)).containsExactly(
                "opentelemetry-sdk-trace 1.55.0 pkg:maven/opentelemetry-sdk-trace/opentelemetry-sdk-trace@1.55.0",
                "org.jctools:jctools-core 4.0.5 pkg:maven/org.jctools/jctools-core@4.0.5");
    }

    private CatalogResult assertCase(String name) {
        Path root = RootfsFixture.root(name);
        CatalogResult result = RootfsFixture.scan(root, cataloger);
        assertThat(result.warnings()).isEmpty();
        assertThat(RootfsFixture.lines(result)).containsExactlyElementsOf(RootfsFixture.expected(root));
        return result;
    }

    private static String location(CatalogResult result, String name) {
        return result.packages().stream().filter(p -> p.name().equals(name)).map(Package::locations)
                .findFirst().orElseThrow().get(0);
    }

    private static byte[] zip(String name, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
