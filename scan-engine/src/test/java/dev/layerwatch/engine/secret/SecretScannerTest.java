package dev.layerwatch.engine.secret;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerwatch.common.finding.SecretFinding;
import dev.layerwatch.engine.layer.FileMeta;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SecretScannerTest {

    private static final String LAYER = "sha256:" + "ab".repeat(32);

    private final SecretScanner scanner = new SecretScanner();

    @Test
    void findsEverySecretKindInTheLeakyRootfsWithLineNumbers() throws Exception {
        List<SecretFinding> findings = scanTree("leaky-app");

        assertThat(findings.stream().map(f -> f.ruleId() + " | " + f.location() + " | " + f.line()).collect(Collectors.toSet()))
                .isEqualTo(expected("leaky-app"));
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.layer()).isEqualTo(LAYER);
            assertThat(f.redacted()).endsWith("****").hasSizeLessThanOrEqualTo(8);
        });
        assertThat(findings).extracting(SecretFinding::ruleId)
                .contains("LW-SECRET-GITHUB-TOKEN")
                .doesNotHaveDuplicates();
    }

    @Test
    void noOutputStringContainsASecret() throws Exception {
        List<SecretFinding> findings = scanTree("leaky-app");
        List<String> secrets = Files.readAllLines(fixture("leaky-app").resolve("secrets.txt")).stream()
                .filter(s -> !s.isBlank()).toList();
        assertThat(secrets).hasSize(11);
        for (SecretFinding f : findings) {
            for (String secret : secrets) {
                assertThat(f.toString()).doesNotContain(secret);
                // no 8-character window of a secret may leak either
                for (int i = 0; i + 8 <= secret.length(); i++) {
                    assertThat(f.redacted()).doesNotContain(secret.substring(i, i + 8));
                }
            }
        }
    }

    @Test
    void placeholdersExamplesPublicKeysAndLowEntropyValuesAreNotReported() throws Exception {
        assertThat(scanTree("clean-app")).isEmpty();
    }

    /**
     * The keyword prefilter (rules run only on lines holding a keyword) must give exactly what running
     * every rule on every line gives: a rule without keywords switches the prefilter off for comparison.
     */
    @Test
    void theKeywordPrefilterGivesWhatScanningEveryLineGives() throws Exception {
        List<SecretRule> withCatchAll = new ArrayList<>(SecretRules.ALL);
        withCatchAll.add(new SecretRule("LW-TEST-NEVER", dev.layerwatch.common.finding.Severity.LOW, "never", List.of(),
                java.util.regex.Pattern.compile("(\\Q<never>\\E)"), 1, 0, false));
        SecretScanner everyLine = new SecretScanner(SecretScanner.DEFAULT_MAX_FILE_SIZE, withCatchAll);
        String npm = "npm_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8";
        ByteArrayOutputStream tricky = new ByteArrayOutputStream();
        tricky.write(("first\r\nTOKEN = '" + npm + "'\r\n\n").getBytes(StandardCharsets.UTF_8));
        tricky.write(new byte[] {(byte) 0xe2, (byte) 0x82, '\n', (byte) 0xc3, (byte) 0xa9});
        tricky.write(("é password=\"Zq8#vL2@pX9!mK4$\" " + npm.replace("npm_", "NPM_") + "\n").getBytes(StandardCharsets.UTF_8));
        tricky.write(("x".repeat(70_000) + " aws_secret_access_key=" + "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKZ" + "\n").getBytes(StandardCharsets.UTF_8));
        tricky.write(("é".repeat(40_000) + " " + npm + "\n" + "ghp_" + "a1B2".repeat(9)).getBytes(StandardCharsets.UTF_8));
        List<byte[]> texts = new ArrayList<>();
        texts.add(tricky.toByteArray());
        for (String tree : List.of("leaky-app", "clean-app")) {
            try (Stream<Path> files = Files.walk(fixture(tree).resolve("rootfs"))) {
                for (Path p : files.filter(Files::isRegularFile).toList()) {
                    texts.add(Files.readAllBytes(p));
                }
            }
        }
        int found = 0;
        for (byte[] text : texts) {
            FileMeta f = new FileMeta("srv/file.txt", text.length, 0644);
            List<SecretFinding> expected = everyLine.scan(f, new ByteArrayInputStream(text), LAYER);
            assertThat(scanner.scan(f, new ByteArrayInputStream(text), LAYER)).isEqualTo(expected);
            found += expected.size();
        }
        assertThat(found).isGreaterThan(10);
    }

    @Test
    void binaryFilesAreSkippedEvenWhenTheyContainATokenString() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 1});
        bytes.write(("token npm_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8" + "\n").getBytes(StandardCharsets.US_ASCII));
        FileMeta f = new FileMeta("usr/local/bin/tool", bytes.size(), 0755);
        assertThat(scanner.scan(f, new ByteArrayInputStream(bytes.toByteArray()), LAYER)).isEmpty();
    }

    @Test
    void corruptTextWithInvalidUtf8StillScansWithoutFailing() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc3, '\n'});
        bytes.write("key: npm_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8\n".getBytes(StandardCharsets.US_ASCII));
        FileMeta f = new FileMeta("srv/broken.txt", bytes.size(), 0644);
        List<SecretFinding> findings = scanner.scan(f, new ByteArrayInputStream(bytes.toByteArray()), LAYER);
        assertThat(findings).singleElement().satisfies(s -> {
            assertThat(s.ruleId()).isEqualTo("LW-SECRET-NPM-TOKEN");
            assertThat(s.line()).isEqualTo(2);
            assertThat(s.redacted()).isEqualTo("npm_****");
        });
    }

    @Test
    void wantsSmallFilesOutsideDocsPackageDatabasesAndVendoredTrees() {
        assertThat(scanner.wants(new FileMeta("app/config/.env", 120, 0644))).isTrue();
        assertThat(scanner.wants(new FileMeta("root/.ssh/id_rsa", 1700, 0600))).isTrue();
        assertThat(scanner.wants(new FileMeta("usr/share/doc/openssl/README", 900, 0644))).isFalse();
        assertThat(scanner.wants(new FileMeta("usr/lib/x86_64-linux-gnu/libssl.so.3", 600_000, 0644))).isFalse();
        assertThat(scanner.wants(new FileMeta("app/lib/log4j-core-2.14.1.jar", 1_800_000, 0644))).isFalse();
        assertThat(scanner.wants(new FileMeta("app/node_modules/lodash/index.js", 500, 0644))).isFalse();
        assertThat(scanner.wants(new FileMeta("var/lib/dpkg/status", 90_000, 0644))).isFalse();
        assertThat(scanner.wants(new FileMeta("usr/local/go/src/crypto/tls/testdata/example-key.pem", 300, 0644))).isFalse();
        assertThat(scanner.wants(new FileMeta("usr/local/lib/python3.12/test/certdata/keycert.pem", 4000, 0644))).isFalse();
        assertThat(scanner.wants(new FileMeta("srv/app/testdata/key.pem", 300, 0644))).isFalse();
        assertThat(scanner.wants(new FileMeta("usr/local/bin/python3-config", 3000, 0755))).isTrue();
        assertThat(scanner.wants(new FileMeta("app/big.log", SecretScanner.DEFAULT_MAX_FILE_SIZE + 1, 0644))).isFalse();
        assertThat(scanner.wants(new FileMeta("app/empty", 0, 0644))).isFalse();
        assertThat(new SecretScanner(100).wants(new FileMeta("app/config/.env", 120, 0644))).isFalse();
    }

    @Test
    void scanTextReportsConfigValuesWithoutLineNumbers() {
        List<SecretFinding> findings = scanner.scanText("config:Env", "ghp_" + "Q9w8E7r6T5y4U3i2O1p0A9s8D7f6G5h4J3k2");
        assertThat(findings).singleElement().satisfies(s -> {
            assertThat(s.ruleId()).isEqualTo("LW-SECRET-GITHUB-TOKEN");
            assertThat(s.location()).isEqualTo("config:Env");
            assertThat(s.line()).isZero();
            assertThat(s.layer()).isNull();
            assertThat(s.redacted()).isEqualTo("ghp_****");
        });
        assertThat(scanner.scanText("config:Env", "PATH=/usr/local/bin:/usr/bin")).isEmpty();
        assertThat(scanner.scanText("config:Env", "")).isEmpty();
    }

    @Test
    void redactionNeverShowsMoreThanAQuarterOfTheValue() {
        assertThat(SecretScanner.redact("AKIAZZZZZZZZZZZZZZZZ")).isEqualTo("AKIA****");
        assertThat(SecretScanner.redact("abcdefgh")).isEqualTo("ab****");
        assertThat(SecretScanner.redact("abc")).isEqualTo("****");
    }

    @Test
    void everyRuleIdIsUniqueAndNamespaced() {
        List<String> ids = SecretRules.ALL.stream().map(SecretRule::id).toList();
        assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.startsWith("LW-SECRET-"));
    }

    private List<SecretFinding> scanTree(String fixtureCase) throws IOException, URISyntaxException {
        Path root = fixture(fixtureCase).resolve("rootfs");
        List<SecretFinding> findings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                FileMeta meta = new FileMeta(root.relativize(p).toString().replace('\\', '/'), Files.size(p), 0644);
                if (scanner.wants(meta)) {
                    try (InputStream in = Files.newInputStream(p)) {
                        findings.addAll(scanner.scan(meta, in, LAYER));
                    }
                }
            }
        }
        return findings;
    }

    private static Set<String> expected(String fixtureCase) throws IOException, URISyntaxException {
        return Files.readAllLines(fixture(fixtureCase).resolve("expected.txt")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(String::strip)
                .collect(Collectors.toSet());
    }

    private static Path fixture(String fixtureCase) throws URISyntaxException {
        return Path.of(SecretScannerTest.class.getResource("/secret/" + fixtureCase).toURI());
    }
}
