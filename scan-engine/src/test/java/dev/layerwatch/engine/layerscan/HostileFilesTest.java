package dev.layerwatch.engine.layerscan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile package metadata never takes the scanner down (issue #11): {@link HostileFileCases} runs in a JVM with
 * {@value #HEAP} of heap and no room for an unbounded list or line, and every case must finish with the layer
 * analysed (a warning on the file, not a failed layer), within {@value #CASE_SECONDS} s and under the heap cap.
 * Before the bounds, the 5 MB dpkg status of invalid lines and the 300 MB line ran out of memory at 256 MB, and
 * the 100k continuation lines took 104 s.
 */
class HostileFilesTest {

    static final String HEAP = "-Xmx256m";
    static final int CASE_SECONDS = 30;
    private static final Pattern LINE = Pattern.compile(
            "CASE (\\S+) ms=(\\d+) heapMb=(\\d+) layerBytes=(-?\\d+) failed=(\\S+) packages=(\\d+) warnings=(\\d+) \\| (.*)");

    private static final Map<String, Matcher> results = new LinkedHashMap<>();
    private static String output;
    private static int exit;

    @BeforeAll
    static void runCasesInSmallHeap() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), HEAP, "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), HostileFileCases.class.getName(),
                System.getProperty("hostile.mb", "50"))
                .redirectErrorStream(true);
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(15, TimeUnit.MINUTES)).isTrue();
        exit = process.exitValue();
        output = new String(out, StandardCharsets.UTF_8);
        System.out.println(output);
        for (String line : output.lines().toList()) {
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                results.put(m.group(1), m);
            }
        }
    }

    @Test
    void everyCaseCompletesInTheSmallHeapAsAWarningOnTheFile() {
        assertThat(exit).as(output).isZero();
        assertThat(output).doesNotContain("OutOfMemoryError").contains("DONE");
        List<String> names = HostileFileCases.cases(Long.getLong("hostile.mb", 50) * HostileFileCases.MB).stream()
                .map(HostileFileCases.Case::name).toList();
        SoftAssertions soft = new SoftAssertions();
        for (String name : names) {
            Matcher m = results.get(name);
            soft.assertThat(m).as(name + " printed a result (" + output.lines().filter(l -> l.contains(name)).toList() + ")")
                    .isNotNull();
            if (m == null) {
                continue;
            }
            soft.assertThat(m.group(5)).as(name + ": the layer is analysed, not failed").isEqualTo("-");
            soft.assertThat(Long.parseLong(m.group(2))).as(name + ": milliseconds").isLessThan(CASE_SECONDS * 1000L);
            soft.assertThat(Integer.parseInt(m.group(7))).as(name + ": warnings stay bounded").isLessThanOrEqualTo(250);
        }
        soft.assertAll();
    }

    @Test
    void theIssuesCasesBecomeWarningsOnTheFileQuickly() {
        Matcher invalid = results.get("dpkg-5MB-invalid-lines-in-gzip");
        assertThat(invalid).isNotNull();
        assertThat(Long.parseLong(invalid.group(4))).as("a few KB of layer").isLessThan(64 * 1024);
        assertThat(invalid.group(8)).contains("var/lib/dpkg/status").contains("not a 'Field: value' line");
        assertThat(Integer.parseInt(invalid.group(7))).isLessThanOrEqualTo(25);

        Matcher line = results.get("dpkg-300MB-single-line");
        assertThat(line).isNotNull();
        assertThat(line.group(8)).contains("longer than");

        Matcher continuations = results.get("dpkg-100k-continuation-lines");
        assertThat(continuations).isNotNull();
        assertThat(Long.parseLong(continuations.group(2))).as("linear, not 104 s").isLessThan(5_000);
        assertThat(continuations.group(6)).as("the package is still found").isEqualTo("1");
    }
}
