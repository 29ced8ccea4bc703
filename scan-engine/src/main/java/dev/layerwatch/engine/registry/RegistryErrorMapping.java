package dev.layerwatch.engine.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place where HTTP outcomes become {@link RegistryException}s: transport failures, and statuses with
 * the registry's error body ({@code {"errors":[{"code","message","detail"}]}}) folded into the message.
 */
final class RegistryErrorMapping {

    private static final int MAX_ERROR_TEXT = 300;

    private RegistryErrorMapping() {
    }

    /** Sends and maps connect failures, timeouts and interrupts to {@link RegistryUnreachableException}. */
    static HttpResponse<InputStream> send(HttpClient http, HttpRequest request, String registry, String repository, String action)
            throws RegistryUnreachableException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new RegistryUnreachableException(registry, repository, action,
                    "no response from " + request.uri().getHost() + " within " + request.timeout().map(Duration::toString).orElse("the timeout"), e);
        } catch (ConnectException e) {
            throw new RegistryUnreachableException(registry, repository, action, "cannot connect to " + request.uri().getAuthority()
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), e);
        } catch (IOException e) {
            throw new RegistryUnreachableException(registry, repository, action, "request to " + request.uri().getAuthority()
                    + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryUnreachableException(registry, repository, action, "interrupted", e);
        }
    }

    /** The exception for a non-success status; {@code body} may be empty or anything. */
    static RegistryException toException(int status, HttpHeaders headers, byte[] body, String registry, String repository, String action) {
        String problem = "HTTP " + status + errorText(body);
        return switch (status) {
            case 401, 403 -> new RegistryUnauthorizedException(registry, repository, action, problem
                    + (status == 401 ? " (credentials missing or refused)" : " (access denied)"));
            case 404 -> new RegistryNotFoundException(registry, repository, action, problem);
            case 429 -> new RegistryRateLimitedException(registry, repository, action, problem,
                    RetryAfter.parse(headers.firstValue("Retry-After").orElse(null)));
            case 406, 415 -> new RegistryUnsupportedMediaTypeException(registry, repository, action, problem);
            default -> status >= 500
                    ? new RegistryUnreachableException(registry, repository, action, problem)
                    : new RegistryProtocolException(registry, repository, action, "unexpected " + problem);
        };
    }

    /**
     * The exception once retries of a 429/503 are used up or the asked wait is too long: rate limited when the
     * registry said 429 or asked for a wait, else what the status maps to.
     */
    static RegistryException retriesExhausted(int status, HttpHeaders headers, byte[] body, String registry, String repository,
                                              String action, String why) {
        Duration asked = RetryAfter.parse(headers.firstValue("Retry-After").orElse(null));
        if (status == 429 || asked != null) {
            return new RegistryRateLimitedException(registry, repository, action, "HTTP " + status + errorText(body) + "; " + why, asked);
        }
        RegistryException mapped = toException(status, headers, body, registry, repository, action);
        mapped.addSuppressed(new IllegalStateException(why));
        return mapped;
    }

    /** " MANIFEST_UNKNOWN: manifest unknown" from a distribution error body, else a short text excerpt. */
    static String errorText(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        try {
            JsonNode errors = JsonMapper.builder().build().readTree(body).path("errors");
            if (errors.isArray() && !errors.isEmpty()) {
                StringBuilder text = new StringBuilder();
                for (JsonNode error : errors) {
                    text.append(' ').append(error.path("code").asString("ERROR"));
                    String message = error.path("message").asString("");
                    if (!message.isEmpty()) {
                        text.append(": ").append(message);
                    }
                }
                return clip(text.toString());
            }
        } catch (JacksonException notJson) {
            // fall through to the raw excerpt
        }
        String raw = new String(body, StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
        return raw.isEmpty() ? "" : " " + clip(raw);
    }

    private static String clip(String text) {
        return text.length() <= MAX_ERROR_TEXT ? text : text.substring(0, MAX_ERROR_TEXT) + "…";
    }
}
