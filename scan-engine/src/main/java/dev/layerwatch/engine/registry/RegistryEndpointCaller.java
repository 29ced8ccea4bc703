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
            if (!sameOrigin(base, response.uri())) {
                // a redirect target (CDN, object store, or whatever the registry named) is not the registry: its
                // error text may be anything, so it reaches neither exceptions (announced in Slack) nor INFO logs
                LOG.debug("redirect target {} answered {} to {} of registry {}: {}", response.uri().getHost(), status,
                        endpoint.action(), registry, RegistryErrorMapping.errorText(body));
                body = new byte[0];
            }
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
            checkRedirectTarget(endpoint, target);
            // storage URLs are pre-signed; the registry's credentials must never reach another host
            String forwarded = sameOrigin(base, target) ? authorization : null;
            response = send(endpoint, target, forwarded);
        }
        return response;
    }

    /**
     * Refuses a redirect to a loopback, private, link-local (cloud metadata: 169.254.169.254, fd00:ec2::254),
     * unique-local or wildcard address unless the registry itself lives at that address or the host is configured
     * as its storage: a registry (or whoever answers for it) must not turn the scanner into a proxy into the
     * network it runs in. Public CDN and object-store hosts are followed as before. The name is resolved here and
     * again by the HTTP client, so a DNS answer that changes in between is not caught (documented limitation).
     */
    private void checkRedirectTarget(RegistryEndpoint<?> endpoint, URI target) throws RegistryException {
        String host = lower(target.getHost());
        if (host == null) {
            throw new RegistryProtocolException(registry, endpoint.repository(), endpoint.action(), "redirect without a host");
        }
        if (options.storageHosts().contains(host) || host.equals(lower(base.getHost()))) {
            return;
        }
        java.net.InetAddress[] addresses;
        try {
            addresses = java.net.InetAddress.getAllByName(host);
        } catch (java.net.UnknownHostException e) {
            throw new RegistryUnreachableException(registry, endpoint.repository(), endpoint.action(),
                    "redirect target " + host + " does not resolve", e);
        }
        java.util.Set<java.net.InetAddress> registryAddresses = registryAddresses();
        for (java.net.InetAddress address : addresses) {
            if (internal(address) && !registryAddresses.contains(address)) {
                throw new RegistryProtocolException(registry, endpoint.repository(), endpoint.action(),
                        "redirect to " + host + " (" + address.getHostAddress() + ") refused: a loopback, private or "
                                + "link-local address that is neither the registry's own nor configured as its storage");
            }
        }
    }

    private java.util.Set<java.net.InetAddress> registryAddresses() {
        try {
            return java.util.Set.of(java.net.InetAddress.getAllByName(base.getHost()));
        } catch (java.net.UnknownHostException | IllegalArgumentException e) {
            return java.util.Set.of();
        }
    }

    static boolean internal(java.net.InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (b.length == 16) {
            return (b[0] & 0xfe) == 0xfc; // fc00::/7 unique local, which includes AWS's fd00:ec2::254
        }
        // 100.64.0.0/10 carrier-grade NAT (Alibaba's metadata at 100.100.100.200), 0.0.0.0/8
        return ((b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64) || b[0] == 0;
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
