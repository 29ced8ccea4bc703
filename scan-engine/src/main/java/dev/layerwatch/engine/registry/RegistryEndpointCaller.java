package dev.layerwatch.engine.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes one endpoint call with everything around it: authorization (and a bounded refresh after 401), waits
 * for 429/503 as {@code Retry-After} asks (bounded), manual redirects that drop {@code Authorization} on
 * another origin, and status mapping through {@link RegistryErrorMapping}.
 */
final class RegistryEndpointCaller {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryEndpointCaller.class);
    private static final int MAX_AUTH_ATTEMPTS = 2;
    private static final int MAX_REDIRECTS = 5;
    private static final int MAX_ERROR_BODY = 16 * 1024;

    private final HttpClient http;
    private final URI base;
    private final String registry;
    private final RegistryAuthenticator authenticator;
    private final RegistryClientOptions options;
    private final Sleeper sleeper;

    /** Waits between retries; tests substitute one that records instead of sleeping. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    RegistryEndpointCaller(HttpClient http, URI base, String registry, RegistryAuthenticator authenticator,
                           RegistryClientOptions options, Sleeper sleeper) {
        this.http = http;
        this.base = base;
        this.registry = registry;
        this.authenticator = authenticator;
        this.options = options;
        this.sleeper = sleeper;
    }

    <T> T call(RegistryEndpoint<T> endpoint) throws RegistryException {
        int authAttempts = 0;
        int retries = 0;
        while (true) {
            String authorization = authenticator.authorization(endpoint.repository());
            HttpResponse<InputStream> response = send(endpoint, base.resolve("/v2/" + endpoint.apiPath()), authorization);
            int status = response.statusCode();
            if (status == 401 && authAttempts < MAX_AUTH_ATTEMPTS
                    && authenticator.unauthorized(endpoint.repository(), response.headers(), authorization)) {
                authAttempts++;
                discard(response);
                LOG.debug("registry {} answered 401 to {}; re-authorizing (attempt {})", registry, endpoint.action(), authAttempts);
                continue;
            }
            if (isRedirect(status) && endpoint.followsRedirects()) {
                response = followRedirects(endpoint, response, authorization);
                status = response.statusCode();
            }
            if (status >= 200 && status < 300) {
                return endpoint.handle(response, registry);
            }
            byte[] body = readErrorBody(response);
            if (status == 429 || status == 503 || (status >= 500 && response.headers().firstValue("Retry-After").isPresent())) {
                Duration asked = RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null));
                Duration wait = asked != null ? asked : Duration.ofMillis(500L << Math.min(retries, 6));
                if (retries >= options.maxRetries()) {
                    throw RegistryErrorMapping.retriesExhausted(status, response.headers(), body, registry, endpoint.repository(),
                            endpoint.action(), "gave up after " + retries + " retries");
                }
                if (wait.compareTo(options.maxRetryWait()) > 0) {
                    throw RegistryErrorMapping.retriesExhausted(status, response.headers(), body, registry, endpoint.repository(),
                            endpoint.action(), "asked to retry after " + wait.toSeconds() + " s, more than the "
                                    + options.maxRetryWait().toSeconds() + " s this client waits");
                }
                retries++;
                LOG.info("registry {} answered {} to {}; retrying in {} ms ({}/{})", registry, status, endpoint.action(),
                        wait.toMillis(), retries, options.maxRetries());
                sleep(endpoint, wait);
                continue;
            }
            throw RegistryErrorMapping.toException(status, response.headers(), body, registry, endpoint.repository(), endpoint.action());
        }
    }

    private HttpResponse<InputStream> followRedirects(RegistryEndpoint<?> endpoint, HttpResponse<InputStream> response,
                                                      String authorization) throws RegistryException {
        for (int hops = 0; isRedirect(response.statusCode()); hops++) {
            String location = response.headers().firstValue("Location").orElse(null);
            discard(response);
            if (location == null) {
                throw new RegistryProtocolException(registry, endpoint.repository(), endpoint.action(),
                        "HTTP " + response.statusCode() + " redirect without a Location header");
            }
            if (hops >= MAX_REDIRECTS) {
                throw new RegistryProtocolException(registry, endpoint.repository(), endpoint.action(),
                        "more than " + MAX_REDIRECTS + " redirects");
            }
            URI target = response.uri().resolve(location);
            if (!"https".equalsIgnoreCase(target.getScheme()) && !"http".equalsIgnoreCase(target.getScheme())) {
                throw new RegistryProtocolException(registry, endpoint.repository(), endpoint.action(),
                        "redirect to a non-HTTP location " + target.getScheme() + ":");
            }
            // storage URLs are pre-signed; the registry's credentials must never reach another host
            String forwarded = sameOrigin(base, target) ? authorization : null;
            response = send(endpoint, target, forwarded);
        }
        return response;
    }

    private HttpResponse<InputStream> send(RegistryEndpoint<?> endpoint, URI uri, String authorization) throws RegistryException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(options.responseTimeout())
                .method(endpoint.method(), HttpRequest.BodyPublishers.noBody());
        if (!endpoint.accept().isEmpty()) {
            request.header("Accept", String.join(", ", endpoint.accept()));
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return RegistryErrorMapping.send(http, request.build(), registry, endpoint.repository(), endpoint.action());
    }

    private void sleep(RegistryEndpoint<?> endpoint, Duration wait) throws RegistryUnreachableException {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryUnreachableException(registry, endpoint.repository(), endpoint.action(), "interrupted while waiting to retry", e);
        }
    }

    static boolean sameOrigin(URI a, URI b) {
        return Objects.equals(lower(a.getScheme()), lower(b.getScheme())) && Objects.equals(lower(a.getHost()), lower(b.getHost()))
                && port(a) == port(b);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(java.util.Locale.ROOT);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static byte[] readErrorBody(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            return in.readNBytes(MAX_ERROR_BODY);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static void discard(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            in.readNBytes(MAX_ERROR_BODY);
        } catch (IOException ignored) {
            // the connection is dropped instead of reused; nothing else to do
        }
    }
}
