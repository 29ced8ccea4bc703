package dev.layerwatch.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryErrorMappingTest {

    private static final HttpHeaders NONE = HttpHeaders.of(Map.of(), (a, b) -> true);

    private static RegistryException map(int status, String body) {
        return RegistryErrorMapping.toException(status, NONE, body.getBytes(StandardCharsets.UTF_8),
                "registry.example.com", "team/app", "pull manifest 1.0");
    }

    @Test
    void statusesMapToTheSealedFamily() {
        assertThat(map(401, "")).isInstanceOf(RegistryUnauthorizedException.class).hasMessageContaining("credentials missing or refused");
        assertThat(map(403, "")).isInstanceOf(RegistryUnauthorizedException.class).hasMessageContaining("access denied");
        assertThat(map(404, "")).isInstanceOf(RegistryNotFoundException.class);
        assertThat(map(429, "")).isInstanceOf(RegistryRateLimitedException.class);
        assertThat(map(415, "")).isInstanceOf(RegistryUnsupportedMediaTypeException.class);
        assertThat(map(500, "")).isInstanceOf(RegistryUnreachableException.class);
        assertThat(map(502, "")).isInstanceOf(RegistryUnreachableException.class);
        assertThat(map(400, "")).isInstanceOf(RegistryProtocolException.class).hasMessageContaining("unexpected HTTP 400");
        assertThat(map(301, "")).isInstanceOf(RegistryProtocolException.class);
    }

    @Test
    void messagesNameRegistryRepositoryActionAndTheRegistrysErrorCodes() {
        RegistryException e = map(404, "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\",\"detail\":{}}]}");
        assertThat(e.getMessage()).isEqualTo("registry registry.example.com: pull manifest 1.0 (repository team/app) failed:"
                + " HTTP 404 MANIFEST_UNKNOWN: manifest unknown");
        assertThat(e.registry()).isEqualTo("registry.example.com");
        assertThat(e.repository()).isEqualTo("team/app");
        assertThat(e.action()).isEqualTo("pull manifest 1.0");
    }

    @Test
    void nonJsonAndCorruptBodiesAreQuotedShortly() {
        assertThat(map(500, "<html>\n  Bad Gateway  </html>").getMessage()).endsWith("HTTP 500 <html> Bad Gateway </html>");
        assertThat(map(500, "{\"errors\": [").getMessage()).endsWith("HTTP 500 {\"errors\": [");
        assertThat(map(500, "x".repeat(5000)).getMessage()).hasSizeLessThan(500).endsWith("…");
        assertThat(map(500, "{\"errors\":[{}]}").getMessage()).endsWith("HTTP 500 ERROR");
    }

    @Test
    void rateLimitCarriesRetryAfter() {
        HttpHeaders headers = HttpHeaders.of(Map.of("Retry-After", List.of("7")), (a, b) -> true);
        RegistryException e = RegistryErrorMapping.toException(429, headers, new byte[0], "r", "x", "pull");
        assertThat(((RegistryRateLimitedException) e).retryAfter()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void exhausted503WithoutRetryAfterStaysUnreachableButWithItIsRateLimited() {
        assertThat(RegistryErrorMapping.retriesExhausted(503, NONE, new byte[0], "r", "x", "pull", "gave up after 3 retries"))
                .isInstanceOf(RegistryUnreachableException.class);
        HttpHeaders headers = HttpHeaders.of(Map.of("Retry-After", List.of("120")), (a, b) -> true);
        assertThat(RegistryErrorMapping.retriesExhausted(503, headers, new byte[0], "r", "x", "pull", "too long"))
                .isInstanceOf(RegistryRateLimitedException.class).hasMessageContaining("too long");
    }
}
