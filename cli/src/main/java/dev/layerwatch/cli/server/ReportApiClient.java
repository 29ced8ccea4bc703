package dev.layerwatch.cli.server;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** GETs against the report API; an error reply becomes an exception carrying the server's own message. */
final class ReportApiClient {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int PAGE = 500;
    private static final int MAX_ITEMS = 100_000;

    private final String base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    ReportApiClient(String base, String token) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.token = token;
    }

    static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    JsonNode get(String pathAndQuery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(60)).GET();
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the report API at " + base + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + base, e);
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (RuntimeException e) {
            throw new IllegalStateException(base + pathAndQuery + " answered " + response.statusCode() + " with a body that is not JSON");
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException(base + " answered " + response.statusCode() + ": " + body.path("error").asString(response.body()));
        }
        return body;
    }

    /** Every item of a paged answer, page after page. */
    List<JsonNode> all(String pathAndQuery) {
        List<JsonNode> items = new ArrayList<>();
        String sep = pathAndQuery.contains("?") ? "&" : "?";
        for (int page = 0; items.size() < MAX_ITEMS; page++) {
            JsonNode reply = get(pathAndQuery + sep + "size=" + PAGE + "&page=" + page);
            reply.path("items").forEach(items::add);
            if (reply.path("items").isEmpty() || items.size() >= reply.path("total").asLong()) {
                break;
            }
        }
        return items;
    }
}
