package dev.layerwatch.engine.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerwatch.common.finding.ConfigFinding;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageConfigChecksTest {

    @Test
    void reportsEveryRiskyPracticeOfTheRootImageInOrder() throws IOException {
        CheckResult result = ImageConfigChecks.check(read("root-with-secrets/config.json"));

        assertThat(result.findings()).extracting(f -> f.id() + " | " + f.severity())
                .containsExactlyElementsOf(lines("root-with-secrets/expected.txt"));
        assertThat(result.warnings()).singleElement().asString().contains("'http/tcp'");
        assertThat(byId(result, "LW-PRIVILEGED-PORT").getFirst().detail()).contains("53/udp, 80/tcp, 443/tcp").doesNotContain("8080");
        assertThat(byId(result, "LW-ENV-SECRET")).extracting(ConfigFinding::detail)
                .anySatisfy(d -> assertThat(d).contains("POSTGRES_PASSWORD"))
                .anySatisfy(d -> assertThat(d).contains("GH_CI").contains("LW-SECRET-GITHUB-TOKEN"));
        assertThat(byId(result, "LW-HISTORY-PIPE-TO-SHELL").getFirst().detail()).contains("step 2");
        assertThat(byId(result, "LW-HISTORY-SECRET").getFirst().detail()).contains("step 4").contains("NPM_TOKEN");
    }

    @Test
    void noFindingOrWarningRepeatsASecretValue() throws IOException {
        CheckResult result = ImageConfigChecks.check(read("root-with-secrets/config.json"));
        List<String> secrets = lines("root-with-secrets/secrets.txt");
        for (String secret : secrets) {
            assertThat(result.findings()).allSatisfy(f -> assertThat(f.toString()).doesNotContain(secret));
            assertThat(result.warnings()).allSatisfy(w -> assertThat(w).doesNotContain(secret));
        }
    }

    @Test
    void aHardenedImageHasNoFindings() throws IOException {
        CheckResult result = ImageConfigChecks.check(read("hardened/config.json"));
        assertThat(result.findings()).isEmpty();
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void truncatedConfigGivesAWarningWithoutItsContent() throws IOException {
        CheckResult result = ImageConfigChecks.check(read("corrupt/config.json"));
        assertThat(result.findings()).isEmpty();
        assertThat(result.warnings()).singleElement().asString()
                .startsWith("image config is not valid JSON")
                .doesNotContain(lines("corrupt/secrets.txt").getFirst());
    }

    @Test
    void nonObjectAndEmptyConfigsGiveWarnings() throws IOException {
        assertThat(ImageConfigChecks.check(read("not-an-object/config.json")).warnings()).singleElement().asString().contains("not a JSON object");
        assertThat(ImageConfigChecks.check(new byte[0]).warnings()).singleElement().asString().contains("empty");
        assertThat(ImageConfigChecks.check(null).findings()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "0", "root", "0:0", "root:root", "0:1000", "root:staff"})
    void rootForms(String user) {
        assertThat(ImageConfigChecks.runsAsRoot(user)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1000", "nobody", "10001:10001", "app:app", "nonroot", "65532"})
    void nonRootForms(String user) {
        assertThat(ImageConfigChecks.runsAsRoot(user)).isFalse();
    }

    @Test
    void healthcheckNoneCountsAsNoHealthcheck() {
        String json = "{\"config\":{\"User\":\"app\",\"Healthcheck\":{\"Test\":[\"NONE\"]}}}";
        CheckResult result = ImageConfigChecks.check(json.getBytes(StandardCharsets.UTF_8));
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo("LW-NO-HEALTHCHECK");
            assertThat(f.detail()).contains("HEALTHCHECK NONE");
        });
    }

    @Test
    void portKeys() {
        assertThat(ImageConfigChecks.portOf("80/tcp")).isEqualTo(80);
        assertThat(ImageConfigChecks.portOf("9090")).isEqualTo(9090);
        assertThat(ImageConfigChecks.portOf("53/udp")).isEqualTo(53);
        assertThat(ImageConfigChecks.portOf("70000/tcp")).isEqualTo(-1);
        assertThat(ImageConfigChecks.portOf("80/icmp")).isEqualTo(-1);
        assertThat(ImageConfigChecks.portOf("http")).isEqualTo(-1);
    }

    @Test
    void secretNames() {
        assertThat(EnvSecretCheck.looksLikeSecretName("AWS_SECRET_ACCESS_KEY")).isTrue();
        assertThat(EnvSecretCheck.looksLikeSecretName("MYSQL_ROOT_PASSWORD")).isTrue();
        assertThat(EnvSecretCheck.looksLikeSecretName("SLACK_TOKEN")).isTrue();
        assertThat(EnvSecretCheck.looksLikeSecretName("MYSQL_ROOT_PASSWORD_FILE")).isFalse();
        assertThat(EnvSecretCheck.looksLikeSecretName("GPG_KEY")).isFalse();
        assertThat(EnvSecretCheck.looksLikeSecretName("TOKEN_URL")).isFalse();
    }

    private static List<ConfigFinding> byId(CheckResult result, String id) {
        return result.findings().stream().filter(f -> f.id().equals(id)).toList();
    }

    private static byte[] read(String path) throws IOException {
        try (InputStream in = ImageConfigChecksTest.class.getResourceAsStream("/check/config/" + path)) {
            return in.readAllBytes();
        }
    }

    private static List<String> lines(String path) throws IOException {
        return new String(read(path), StandardCharsets.UTF_8).lines()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).map(String::strip).toList();
    }
}
