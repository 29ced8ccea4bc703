package dev.layerwatch.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The token endpoint's answer variants, from a JDK HttpServer standing in for a token server. */
class BearerTokenExchangeIT {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

    private HttpServer server;
    private volatile int status = 200;
    private volatile String body = "{}";
    private final List<String> queries = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/token", exchange -> {
            try (exchange) {
                queries.add(exchange.getRequestURI().getRawQuery());
                authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        http.close();
    }

    private BearerToken exchange(RegistryConfig config) throws RegistryException {
        URI realm = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/token");
        return new BearerTokenExchange(http, config, Duration.ofSeconds(5), CLOCK)
                .exchange(new BearerTokenCache.Key(realm.toString(), "my registry", "repository:team/app:pull"), "team/app");
    }

    @Test
    void sendsServiceScopeAndBasicCredentialsAndPrefersToken() throws Exception {
        body = "{\"token\":\"t1\",\"access_token\":\"a1\",\"expires_in\":300,\"issued_at\":\"2026-11-22T09:59:00Z\"}";
        BearerToken token = exchange(new RegistryConfig("r.example:5000", true, "u", "p"));
        assertThat(token.value()).isEqualTo("t1");
        assertThat(token.expiresAt()).as("issued a minute ago, renewed 5 s early").isEqualTo(Instant.parse("2026-11-22T10:03:55Z"));
        assertThat(queries).containsExactly("service=my+registry&scope=repository%3Ateam%2Fapp%3Apull");
        assertThat(authorizations).containsExactly("Basic dTpw");
    }

    @Test
    void accessTokenOnlyAndMissingExpiryMeanSixtySecondsAnonymously() throws Exception {
        body = "{\"access_token\":\"a2\"}";
        BearerToken token = exchange(RegistryConfig.anonymous("r.example", true));
        assertThat(token.value()).isEqualTo("a2");
        assertThat(token.expiresAt()).isEqualTo(CLOCK.instant().plusSeconds(55));
        assertThat(authorizations).containsExactly("null");
    }

    @Test
    void refusalsAndCorruptAnswersAreNamedErrors() {
        status = 401;
        body = "{\"details\":\"bad credentials\"}";
        assertThatThrownBy(() -> exchange(new RegistryConfig("r.example", true, "u", "wrong")))
                .isInstanceOf(RegistryUnauthorizedException.class).hasMessageContaining("as u").hasMessageNotContaining("wrong");
        status = 200;
        body = "<html>login</html>";
        assertThatThrownBy(() -> exchange(RegistryConfig.anonymous("r.example", true)))
                .isInstanceOf(RegistryProtocolException.class).hasMessageContaining("not JSON");
        body = "{\"expires_in\":60}";
        assertThatThrownBy(() -> exchange(RegistryConfig.anonymous("r.example", true)))
                .isInstanceOf(RegistryProtocolException.class).hasMessageContaining("neither token nor access_token");
    }

    @Test
    void credentialsAreNotSentToAPlainHttpRealmOfAnHttpsRegistry() {
        assertThatThrownBy(() -> exchange(new RegistryConfig("r.example", false, "u", "p")))
                .isInstanceOf(RegistryUnauthorizedException.class).hasMessageContaining("plain-HTTP token realm");
        assertThat(queries).isEmpty();
    }
}
