package dev.layerwatch.testkit.registry;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers the registry's 401 challenge for a pusher: Basic credentials as they are, or a bearer token for
 * {@code repository:<name>:pull,push} from the challenge's realm. Deliberately small: the product's client
 * lives in scan-engine; this only has to push test images.
 */
final class PushAuthorizer {

    private static final Pattern PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    private final HttpClient http;
    private final String basic;
    private final Map<String, String> authorizationByRepository = new ConcurrentHashMap<>();

    PushAuthorizer(HttpClient http, String user, String password) {
        this.http = http;
        this.basic = user == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Sends the request; on a 401 obtains authorization once and sends it again. */
    <T> HttpResponse<T> send(String repository, Supplier<HttpRequest.Builder> request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        String authorization = authorizationByRepository.get(repository);
        HttpResponse<T> response = http.send(withAuthorization(request.get(), authorization).build(), handler);
        if (response.statusCode() != 401) {
            return response;
        }
        String challenge = response.headers().firstValue("WWW-Authenticate").orElseThrow(() ->
                new IOException("registry answered 401 without a WWW-Authenticate challenge for " + repository));
        authorization = authorize(repository, challenge);
        authorizationByRepository.put(repository, authorization);
        return http.send(withAuthorization(request.get(), authorization).build(), handler);
    }

    private String authorize(String repository, String challenge) throws IOException, InterruptedException {
        if (challenge.regionMatches(true, 0, "Basic", 0, 5)) {
            if (basic == null) {
                throw new IOException("registry wants Basic credentials to push " + repository + ": call withCredentials(user, password)");
            }
            return basic;
        }
        Map<String, String> params = new HashMap<>();
        Matcher matcher = PARAM.matcher(challenge);
        while (matcher.find()) {
            params.put(matcher.group(1).toLowerCase(), matcher.group(2));
        }
        String realm = params.get("realm");
        if (realm == null) {
            throw new IOException("registry challenge '" + challenge + "' has no realm");
        }
        String query = "service=" + URLEncoder.encode(params.getOrDefault("service", ""), StandardCharsets.UTF_8)
                + "&scope=" + URLEncoder.encode("repository:" + repository + ":pull,push", StandardCharsets.UTF_8);
        HttpRequest.Builder tokenRequest = HttpRequest.newBuilder(URI.create(realm + (realm.contains("?") ? "&" : "?") + query)).GET();
        if (basic != null) {
            tokenRequest.header("Authorization", basic);
        }
        HttpResponse<byte[]> response = http.send(tokenRequest.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("token server " + realm + " refused a push token for " + repository + ": HTTP "
                    + response.statusCode() + " " + new String(response.body(), StandardCharsets.UTF_8));
        }
        JsonNode body = JsonMapper.builder().build().readTree(response.body());
        String token = body.hasNonNull("token") ? body.get("token").asString() : body.path("access_token").asString();
        return "Bearer " + token;
    }

    private static HttpRequest.Builder withAuthorization(HttpRequest.Builder request, String authorization) {
        return authorization == null ? request : request.header("Authorization", authorization);
    }
}
