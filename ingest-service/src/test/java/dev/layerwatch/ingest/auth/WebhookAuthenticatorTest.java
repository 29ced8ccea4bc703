package dev.layerwatch.ingest.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerwatch.ingest.auth.IngestAuthProperties.SourceCredentials;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WebhookAuthenticatorTest {

    private static final String TOKEN = "t0ken-for-tests";
    private static final byte[] BODY = "{\"action\":\"published\"}".getBytes(StandardCharsets.UTF_8);

    private final WebhookAuthenticator authenticator = new WebhookAuthenticator(new IngestAuthProperties(
            new SourceCredentials(TOKEN, null), null, new SourceCredentials(TOKEN, null), null,
            new SourceCredentials(TOKEN, null), new SourceCredentials(TOKEN, null), new SourceCredentials(TOKEN, "azure"),
            null, new SourceCredentials(" ", null)));

    @Test
    void sourcesWithoutATokenAreDisabled() {
        assertThat(authenticator.enabled("distribution")).isTrue();
        assertThat(authenticator.enabled("harbor")).isFalse();
        assertThat(authenticator.enabled("gar")).as("blank token").isFalse();
        assertThat(authenticator.enabled("nope")).isFalse();
        assertThat(authenticator.failure("harbor", Set.of(AuthScheme.AUTHORIZATION_HEADER), headers("Authorization", "Bearer " + TOKEN))).isPresent();
    }

    @Test
    void bearerAndBasicTokens() {
        Set<AuthScheme> header = Set.of(AuthScheme.AUTHORIZATION_HEADER);

        assertThat(authenticator.failure("distribution", header, headers("Authorization", "Bearer " + TOKEN))).isEmpty();
        assertThat(authenticator.failure("distribution", header, headers("Authorization", "bearer " + TOKEN))).isEmpty();
        assertThat(authenticator.failure("distribution", header, headers("Authorization", "Basic " + basic("any", TOKEN)))).isEmpty();
        assertThat(authenticator.failure("acr", header, headers("Authorization", "Basic " + basic("azure", TOKEN)))).isEmpty();
        assertThat(authenticator.failure("acr", header, headers("Authorization", "Basic " + basic("other", TOKEN)))).contains("wrong Basic credentials");
        assertThat(authenticator.failure("distribution", header, headers("Authorization", "Bearer " + TOKEN + "x"))).contains("wrong bearer token");
        assertThat(authenticator.failure("distribution", header, headers("Authorization", "Bearer " + TOKEN.substring(1)))).contains("wrong bearer token");
        assertThat(authenticator.failure("distribution", header, headers())).contains("no Authorization header");
        assertThat(authenticator.failure("distribution", header, headers("Authorization", "Token " + TOKEN))).isPresent();
        assertThat(authenticator.failure("distribution", header, headers("Authorization", "Basic %%%"))).isPresent();
    }

    @Test
    void failureReasonsNeverContainThePresentedSecret() {
        String presented = "Bearer attacker-guess-123";

        assertThat(authenticator.failure("distribution", Set.of(AuthScheme.AUTHORIZATION_HEADER), headers("Authorization", presented)))
                .hasValueSatisfying(reason -> assertThat(reason).doesNotContain("attacker-guess-123"));
    }

    @Test
    void githubSignatureIsAnHmacOfTheRawBody() {
        Set<AuthScheme> github = Set.of(AuthScheme.GITHUB_SIGNATURE);
        String signature = "sha256=" + WebhookAuthenticator.hmacHex(TOKEN, BODY);

        assertThat(authenticator.failure("github", github, headers("X-Hub-Signature-256", signature))).isEmpty();
        assertThat(authenticator.failure("github", github, withBody("{\"action\":\"published\" }", "X-Hub-Signature-256", signature)))
                .contains("wrong X-Hub-Signature-256");
        assertThat(authenticator.failure("github", github, headers("X-Hub-Signature-256", "sha256=" + WebhookAuthenticator.hmacHex("other", BODY))))
                .isPresent();
        assertThat(authenticator.failure("github", github, headers())).contains("no X-Hub-Signature-256 header");
    }

    @Test
    void githubSignatureMatchesGitHubsDocumentedExample() {
        // docs.github.com "Validating webhook deliveries": secret "It's a Secret to Everybody", payload "Hello, World!"
        assertThat(WebhookAuthenticator.hmacHex("It's a Secret to Everybody", "Hello, World!".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
    }

    @Test
    void jfrogSecretRawOrSigned() {
        Set<AuthScheme> jfrog = Set.of(AuthScheme.AUTHORIZATION_HEADER, AuthScheme.JFROG_SECRET);

        assertThat(authenticator.failure("artifactory", jfrog, headers("X-JFrog-Event-Auth", TOKEN))).isEmpty();
        assertThat(authenticator.failure("artifactory", jfrog, headers("X-JFrog-Event-Auth", WebhookAuthenticator.hmacHex(TOKEN, BODY)))).isEmpty();
        assertThat(authenticator.failure("artifactory", jfrog, headers("Authorization", "Bearer " + TOKEN))).isEmpty();
        assertThat(authenticator.failure("artifactory", jfrog, headers("X-JFrog-Event-Auth", "nope"))).contains("wrong X-JFrog-Event-Auth");
        assertThat(authenticator.failure("artifactory", jfrog, headers("Authorization", "Bearer wrong", "X-JFrog-Event-Auth", TOKEN)))
                .as("any accepted scheme is enough").isEmpty();
    }

    @Test
    void urlSecretInPathOrQuery() {
        Set<AuthScheme> url = Set.of(AuthScheme.URL_SECRET);

        assertThat(authenticator.failure("dockerhub", url, new PresentedCredentials(Map.of(), TOKEN, null, BODY))).isEmpty();
        assertThat(authenticator.failure("dockerhub", url, new PresentedCredentials(Map.of(), null, TOKEN, BODY))).isEmpty();
        assertThat(authenticator.failure("dockerhub", url, new PresentedCredentials(Map.of(), "guess", null, BODY))).contains("wrong URL secret");
        assertThat(authenticator.failure("dockerhub", url, new PresentedCredentials(Map.of(), null, null, BODY))).isPresent();
        assertThat(authenticator.failure("dockerhub", url, headers("Authorization", "Bearer " + TOKEN)))
                .as("a header token is not the URL secret").isPresent();
    }

    private static PresentedCredentials headers(String... pairs) {
        return withBody(new String(BODY, StandardCharsets.UTF_8), pairs);
    }

    private static PresentedCredentials withBody(String body, String... pairs) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            map.put(pairs[i].toLowerCase(java.util.Locale.ROOT), pairs[i + 1]);
        }
        return new PresentedCredentials(map, null, null, body.getBytes(StandardCharsets.UTF_8));
    }

    private static String basic(String user, String password) {
        return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
