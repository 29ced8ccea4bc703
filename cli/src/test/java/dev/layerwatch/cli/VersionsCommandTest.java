package dev.layerwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Runs {@code layerwatch versions compare} through {@link Layerwatch#run} with stdin, stdout and stderr redirected. */
class VersionsCommandTest {

    private InputStream originalIn;
    private PrintStream originalOut;
    private PrintStream originalErr;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void redirect() {
        originalIn = System.in;
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setIn(originalIn);
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private int run(String stdin, String... args) {
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        return Layerwatch.run(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
    }

    @Test
    void printsOneResultPerLineAndKeepsGoingAfterErrors() {
        String input = String.join("\n",
                "1.0~rc1\t1.0",
                "1:1.0\t2.0",
                "1.0\t1.0-0",
                "1.0\t",
                "no tab here",
                "1.0\t2.0\t3.0",
                "2.0\t1.0") + "\n";

        int exit = run(input, "versions", "compare", "--scheme", "dpkg");

        assertThat(exit).isZero();
        assertThat(stdout()).isEqualTo(String.join("\n",
                "-1",
                "1",
                "0",
                "error: invalid dpkg version '': version string is empty",
                "error: line 5 is not two versions separated by one tab",
                "error: line 6 is not two versions separated by one tab",
                "1") + "\n");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1} vs {2} = {3}")
    @CsvSource(delimiter = '|', value = {
        "dpkg|3.0.11-1~deb12u2|3.0.11-1|-1",
        "apk|1.2.2_pre2-r0|1.2.2-r0|-1",
        "rpm|1.0^git1|1.0|1",
        "maven|2.17.1|2.14.1|1",
        "maven|1.0.RELEASE|1|0",
        "semver|1.0.0-rc.1|1.0.0|-1",
        "pep440|1.0.post1|1.0|1",
        "go|v0.0.0-20191109021931-daa7c04131f5|v0.1.0|-1",
        "go|go1.21.3|1.21.3|0"
    })
    void everySchemeIsReachable(String scheme, String a, String b, String expected) {
        int exit = run(a + "\t" + b + "\n", "versions", "compare", "--scheme", scheme);

        assertThat(exit).isZero();
        assertThat(stdout()).isEqualTo(expected + "\n");
    }

    @Test
    void invalidVersionNamesSchemeAndReason() {
        int exit = run("1.2\t1.2.3\n", "versions", "compare", "--scheme", "semver");

        assertThat(exit).isZero();
        assertThat(stdout()).isEqualTo(
                "error: invalid semver version '1.2': expected MAJOR.MINOR.PATCH but found 2 dot-separated part(s) in '1.2'\n");
    }

    @Test
    void windowsLineEndingsAreAccepted() {
        int exit = run("1.0\t1.1\r\n1.1\t1.0\r\n", "versions", "compare", "--scheme", "pep440");

        assertThat(exit).isZero();
        assertThat(stdout()).isEqualTo("-1\n1\n");
    }

    @Test
    void emptyInputPrintsNothing() {
        assertThat(run("", "versions", "compare", "--scheme", "apk")).isZero();
        assertThat(stdout()).isEmpty();
    }

    @Test
    void unknownSchemeExitsTwoWithOneLineListingTheValidSchemes() {
        int exit = run("1\t2\n", "versions", "compare", "--scheme", "swift");

        assertThat(exit).isEqualTo(2);
        assertThat(stdout()).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).isEqualTo(
                "layerwatch: unknown version scheme 'swift'; valid schemes: dpkg, apk, rpm, maven, semver, pep440, go, rubygems, composer, nuget");
    }

    @Test
    void missingSchemeOrSubcommandIsAUsageError() {
        assertThat(run("", "versions", "compare")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--scheme");
        assertThat(run("", "versions")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("missing subcommand");
    }

    @Test
    void helpListsTheSchemes() {
        assertThat(run("", "versions", "compare", "--help")).isZero();
        assertThat(stdout().replaceAll("\\s+", " ")).contains("Version scheme: dpkg, apk, rpm, maven, semver, pep440, go, rubygems, composer, nuget.");
    }
}
