package dev.layerwatch.testkit.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A minimal Docker token server (distribution's {@code docs/spec/auth/token.md}) on a JDK HttpServer: checks
 * Basic credentials against {@link TokenAuth#users()}, and answers {@code GET /token?service=…&scope=…} with a
 * JWT granting the scopes asked for (only {@code pull} for anonymous callers).
 */
public final class RegistryTokenServer implements AutoCloseable {

    /** distribution accepts a token up to this long after its {@code exp}; lifetimes are shortened by it. */
    private static final long REGISTRY_LEEWAY_SECONDS = 60;

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final TokenAuth options;
    private final TokenSigningKey key;
    private final String service;
    private final String issuer;
    private final HttpServer server;
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private final List<String> requestedScopes = new CopyOnWriteArrayList<>();

    RegistryTokenServer(TokenAuth options, TokenSigningKey key, String service, String issuer) throws IOException {
        this.options = options;
        this.key = key;
        this.service = service;
        this.issuer = issuer;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/token", this::handle);
        server.start();
    }

    public URI realm() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/token");
    }

    public String service() {
        return service;
    }

    public String issuer() {
        return issuer;
    }

    /** How many tokens were handed out so far (a refresh shows up as one more). */
    public int tokensIssued() {
        return tokensIssued.get();
    }

    /** Every {@code scope} parameter received, in order. */
    public List<String> requestedScopes() {
        return List.copyOf(requestedScopes);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            List<String> scopes = new ArrayList<>();
            String query = exchange.getRequestURI().getRawQuery();
            if (query != null) {
                for (String pair : query.split("&")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0 && pair.substring(0, eq).equals("scope")) {
                        String scope = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                        scopes.addAll(List.of(scope.split(" ")));
                    }
                }
            }
            requestedScopes.addAll(scopes);
            Boolean authenticated = authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
            if (authenticated == null || (!authenticated && !options.anonymousPull())) {
                respond(exchange, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"bad or missing credentials\"}]}");
                return;
            }
            long now = Instant.now().getEpochSecond();
            long lifetime = options.tokenLifetime().toSeconds();
            ObjectNode claims = JSON.createObjectNode();
            claims.put("iss", issuer);
            claims.put("sub", authenticated ? "user" : "");
            claims.put("aud", service);
            claims.put("exp", now + lifetime - REGISTRY_LEEWAY_SECONDS);
            claims.put("nbf", now - 1);
            claims.put("iat", now);
            claims.put("jti", UUID.randomUUID().toString());
            ArrayNode access = claims.putArray("access");
            for (String scope : scopes) {
                String[] parts = scope.split(":");
                if (parts.length < 3) {
                    continue;
                }
                ObjectNode entry = access.addObject();
                entry.put("type", parts[0]);
                entry.put("name", String.join(":", Arrays.copyOfRange(parts, 1, parts.length - 1)));
                ArrayNode actions = entry.putArray("actions");
                for (String action : parts[parts.length - 1].split(",")) {
                    if (authenticated || action.equals("pull")) {
                        actions.add(action);
                    }
                }
            }
            String token = key.sign(JSON.writeValueAsString(claims));
            tokensIssued.incrementAndGet();
            ObjectNode body = JSON.createObjectNode();
            body.put("token", token);
            body.put("access_token", token);
            body.put("expires_in", options.advertisedExpiresIn().toSeconds());
            body.put("issued_at", Instant.ofEpochSecond(now).toString());
            respond(exchange, 200, JSON.writeValueAsString(body));
        }
    }

    /** TRUE for a known user, FALSE for no credentials, null for wrong ones. */
    private Boolean authenticate(String header) {
        if (header == null || header.isBlank()) {
            return Boolean.FALSE;
        }
        if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return null;
        }
        String expected = options.users().get(decoded.substring(0, colon));
        return expected != null && expected.equals(decoded.substring(colon + 1)) ? Boolean.TRUE : null;
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
