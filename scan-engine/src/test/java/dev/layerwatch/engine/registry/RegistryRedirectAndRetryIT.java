package dev.layerwatch.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.layerwatch.engine.image.LayerDescriptor;
import dev.layerwatch.engine.image.PlatformImage;
import dev.layerwatch.testkit.registry.ImageSpec;
import dev.layerwatch.testkit.registry.PushedImage;
import dev.layerwatch.testkit.registry.RegistryServerExtension;
import dev.layerwatch.common.image.ImageReference;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Redirects to storage, Retry-After and timeouts: a JDK HttpServer in front of the real registry (htpasswd, so
 * that where Authorization goes is visible) produces what distribution's filesystem driver cannot.
 */
class RegistryRedirectAndRetryIT {

    private static final String USER = "alice";
    private static final String PASSWORD = "wonderland";

    @RegisterExtension
    static RegistryServerExtension registry = RegistryServerExtension.builder().htpasswd(USER, PASSWORD).build();

    private RegistryFrontProxy front;
    private HttpServer storage;
    private final Map<String, String> storageAuthorization = new ConcurrentHashMap<>();
    private PushedImage pushed;

    @BeforeEach
    void startFrontAndStorage() throws Exception {
        pushed = registry.pusher().push("lw/front", "1.0", ImageSpec.image()
                .layer(RegistryFixtures.image("base")).layer(RegistryFixtures.image("app")));
        front = new RegistryFrontProxy(registry.baseUri());
        storage = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        HttpClient upstream = HttpClient.newHttpClient();
        storage.createContext("/storage/", exchange -> {
            try (exchange) {
                String digest = exchange.getRequestURI().getPath().substring("/storage/".length());
                storageAuthorization.put(digest, String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                String basic = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
                HttpResponse<InputStream> blob = upstream.send(HttpRequest.newBuilder(registry.baseUri().resolve("/v2/lw/front/blobs/" + digest))
                        .header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.ofInputStream());
                exchange.sendResponseHeaders(200, blob.headers().firstValueAsLong("Content-Length").orElse(0));
                try (InputStream in = blob.body()) {
                    in.transferTo(exchange.getResponseBody());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        storage.start();
    }

    @AfterEach
    void stopFrontAndStorage() {
        front.close();
        storage.stop(0);
    }

    private RegistryImageSource open(RegistryClientOptions options) throws RegistryException {
        RegistryAccessPolicy policy = RegistryAccessPolicy.of(List.of(new RegistryConfig(front.hostPort(), true, USER, PASSWORD)));
        return RegistryImageSource.open(policy, ImageReference.parse(front.hostPort() + "/lw/front:1.0"), options);
    }

    @Test
    void blobRedirectsAreFollowedAndAuthorizationIsDroppedOnAnotherHost() throws Exception {
        String layer0 = pushed.layerDigests().get(0).toString();
        String config = pushed.configDigest().toString();
        front.intercept(exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.endsWith("/blobs/" + layer0)) {
                RegistryFrontProxy.answer(exchange, 307, "Location",
                        "http://127.0.0.1:" + storage.getAddress().getPort() + "/storage/" + layer0 + "?X-Signature=abc");
                return true;
            }
            if (path.endsWith("/blobs/" + config) && exchange.getRequestURI().getQuery() == null) {
                RegistryFrontProxy.answer(exchange, 302, "Location", path + "?same-origin=1");
                return true;
            }
            return false;
        });

        try (RegistryImageSource source = open(RegistryClientOptions.defaults())) {
            PlatformImage image = source.images(null).get(0);
            assertThat(image.configJson()).isEqualTo(pushed.config());
            for (LayerDescriptor layer : image.layers()) {
                assertThat(RegistryFixtures.drain(source.openLayer(image, layer))).isEqualTo(layer.digest());
            }
        }
        assertThat(storageAuthorization).containsEntry(layer0, "null");
        assertThat(front.seen()).filteredOn(seen -> seen.path().contains("same-origin=1"))
                .singleElement().satisfies(seen -> assertThat(seen.authorization()).startsWith("Basic "));
    }

    @Test
    void redirectsIntoInternalAddressesAreRefusedUnlessConfiguredAsStorage() throws Exception {
        String layer0 = pushed.layerDigests().get(0).toString();
        String layer1 = pushed.layerDigests().get(1).toString();
        // nothing is ever sent to these: the address is refused before any connection
        front.intercept(exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.endsWith("/blobs/" + layer0)) {
                RegistryFrontProxy.answer(exchange, 307, "Location", "http://169.254.169.254/latest/meta-data/iam/");
                return true;
            }
            if (path.endsWith("/blobs/" + layer1)) {
                RegistryFrontProxy.answer(exchange, 302, "Location", "http://127.0.0.2:9/storage/" + layer1);
                return true;
            }
            return false;
        });

        try (RegistryImageSource source = open(RegistryClientOptions.defaults())) {
            PlatformImage image = source.images(null).get(0);
            assertThatThrownBy(() -> RegistryFixtures.drain(source.openLayer(image, image.layers().get(0))))
                    .isInstanceOf(RegistryProtocolException.class)
                    .hasMessageContaining("redirect to 169.254.169.254").hasMessageContaining("refused");
            assertThatThrownBy(() -> RegistryFixtures.drain(source.openLayer(image, image.layers().get(1))))
                    .isInstanceOf(RegistryProtocolException.class).hasMessageContaining("127.0.0.2");
        }
        // configured as the registry's storage: followed (and, nothing listening there, unreachable)
        try (RegistryImageSource source = open(RegistryClientOptions.defaults().withStorageHosts(java.util.Set.of("127.0.0.2")))) {
            PlatformImage image = source.images(null).get(0);
            assertThatThrownBy(() -> RegistryFixtures.drain(source.openLayer(image, image.layers().get(1))))
                    .isInstanceOf(RegistryException.class).isNotInstanceOf(RegistryProtocolException.class);
        }
    }

    @Test
    void aRedirectTargetsErrorTextNeverReachesTheException() throws Exception {
        String layer0 = pushed.layerDigests().get(0).toString();
        storage.createContext("/broken/", exchange -> {
            try (exchange) {
                byte[] body = "<Error><Code>AccessDenied</Code><Message>internal-bucket-secret-text</Message></Error>"
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(403, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        front.intercept(exchange -> {
            if (exchange.getRequestURI().getPath().endsWith("/blobs/" + layer0)) {
                RegistryFrontProxy.answer(exchange, 307, "Location",
                        "http://127.0.0.1:" + storage.getAddress().getPort() + "/broken/" + layer0);
                return true;
            }
            return false;
        });

        try (RegistryImageSource source = open(RegistryClientOptions.defaults())) {
            PlatformImage image = source.images(null).get(0);
            assertThatThrownBy(() -> RegistryFixtures.drain(source.openLayer(image, image.layers().get(0))))
                    .isInstanceOf(RegistryException.class)
                    .hasMessageContaining("403")
                    .hasMessageNotContaining("internal-bucket-secret-text");
        }
    }

    @Test
    void retryAfterOn429And503IsHonouredThenTheCallSucceeds() throws Exception {
        AtomicInteger manifestRefusals = new AtomicInteger();
        AtomicInteger blobRefusals = new AtomicInteger();
        String layer1 = pushed.layerDigests().get(1).toString();
        front.intercept(exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.endsWith("/manifests/1.0") && manifestRefusals.getAndIncrement() < 1) {
                RegistryFrontProxy.answer(exchange, 429, "Retry-After", "1");
                return true;
            }
            if (path.endsWith("/blobs/" + layer1) && blobRefusals.getAndIncrement() < 1) {
                RegistryFrontProxy.answer(exchange, 503, "Retry-After", "1");
                return true;
            }
            return false;
        });

        long start = System.nanoTime();
        try (RegistryImageSource source = open(RegistryClientOptions.defaults())) {
            PlatformImage image = source.images(null).get(0);
            LayerDescriptor layer = image.layers().get(1);
            assertThat(RegistryFixtures.drain(source.openLayer(image, layer))).isEqualTo(layer.digest());
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        assertThat(manifestRefusals.get()).isEqualTo(2);
        assertThat(blobRefusals.get()).isEqualTo(2);
    }

    @Test
    void aRetryAfterLongerThanTheBoundFailsAtOnceAsRateLimited() throws Exception {
        front.intercept(exchange -> {
            if (exchange.getRequestURI().getPath().contains("/manifests/")) {
                RegistryFrontProxy.answer(exchange, 429, "Retry-After", "3600");
                return true;
            }
            return false;
        });
        long start = System.nanoTime();
        try (RegistryImageSource source = open(RegistryClientOptions.defaults())) {
            assertThatThrownBy(() -> source.images(null))
                    .isInstanceOfSatisfying(RegistryRateLimitedException.class,
                            e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofHours(1)))
                    .hasMessageContaining(front.hostPort()).hasMessageContaining("pull manifest 1.0")
                    .hasMessageContaining("TOOMANYREQUESTS").hasMessageContaining("3600 s");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void persistent429GivesUpAfterTheConfiguredRetries() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        front.intercept(exchange -> {
            if (exchange.getRequestURI().getPath().contains("/manifests/")) {
                attempts.incrementAndGet();
                RegistryFrontProxy.answer(exchange, 429, null, null);
                return true;
            }
            return false;
        });
        try (RegistryImageSource source = open(RegistryClientOptions.defaults().withRetries(2, Duration.ofSeconds(5)))) {
            assertThatThrownBy(() -> source.images(null)).isInstanceOf(RegistryRateLimitedException.class)
                    .hasMessageContaining("gave up after 2 retries");
        }
        assertThat(attempts.get()).isEqualTo(3);
    }

    @Test
    void aRegistryThatDoesNotAnswerInTimeIsUnreachable() throws Exception {
        front.intercept(exchange -> {
            if (exchange.getRequestURI().getPath().contains("/manifests/")) {
                try {
                    Thread.sleep(3_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return false;
        });
        try (RegistryImageSource source = open(RegistryClientOptions.defaults().withResponseTimeout(Duration.ofMillis(500)))) {
            assertThatThrownBy(() -> source.images(null)).isInstanceOf(RegistryUnreachableException.class)
                    .hasMessageContaining("no response").hasMessageContaining("pull manifest 1.0");
        }
    }

    @Test
    void aChallengeThatOnlyComesWithTheFirstRealRequestIsAnswered() throws Exception {
        front.intercept(exchange -> {
            if (exchange.getRequestURI().getPath().equals("/v2/")) {
                RegistryFrontProxy.answer(exchange, 200, null, null); // an open-looking ping
                return true;
            }
            return false;
        });
        try (RegistryImageSource source = open(RegistryClientOptions.defaults())) {
            assertThat(source.images(null)).singleElement()
                    .satisfies(image -> assertThat(image.manifestDigest()).isEqualTo(pushed.manifestDigest()));
        }
        List<RegistryFrontProxy.Seen> manifestRequests = front.seen().stream()
                .filter(seen -> seen.path().endsWith("/manifests/1.0")).toList();
        assertThat(manifestRequests).extracting(RegistryFrontProxy.Seen::authorization)
                .as("first without credentials, answered 401 with a Basic challenge, then with them")
                .containsExactly(null, "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aManifestHeadWithoutDigestHeaderFallsBackToHashingTheManifest() throws Exception {
        front.intercept(exchange -> {
            if (exchange.getRequestMethod().equals("HEAD") && exchange.getRequestURI().getPath().contains("/manifests/")) {
                exchange.sendResponseHeaders(200, -1);
                return true;
            }
            return false;
        });
        try (RegistryImageSource source = open(RegistryClientOptions.defaults())) {
            assertThat(source.resolveDigest()).isEqualTo(pushed.manifestDigest());
        }
        assertThat(front.seen()).extracting(RegistryFrontProxy.Seen::method).contains("HEAD", "GET");
    }

    @Test
    void aManifestWhoseBytesDoNotMatchTheAnnouncedDigestIsRefused() throws Exception {
        front.intercept(exchange -> {
            if (exchange.getRequestURI().getPath().endsWith("/manifests/1.0") && exchange.getRequestHeaders().containsKey("Authorization")) {
                byte[] tampered = new String(pushed.manifest(), StandardCharsets.UTF_8).replace("\"size\":", "\"size\": ")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", pushed.manifestMediaType());
                exchange.getResponseHeaders().set("Docker-Content-Digest", pushed.manifestDigest().toString());
                exchange.sendResponseHeaders(200, tampered.length);
                exchange.getResponseBody().write(tampered);
                return true;
            }
            return false;
        });
        try (RegistryImageSource source = open(RegistryClientOptions.defaults())) {
            assertThatThrownBy(() -> source.images(null)).isInstanceOf(RegistryDigestMismatchException.class)
                    .hasMessageContaining("pull manifest 1.0").hasMessageContaining(pushed.manifestDigest().toString());
        }
    }

    @Test
    void aBlobBodyThatStallsIsAbandonedAfterTheReadIdleTimeout() throws Exception {
        String layer0 = pushed.layerDigests().get(0).toString();
        front.intercept(exchange -> {
            if (exchange.getRequestURI().getPath().endsWith("/blobs/" + layer0)) {
                exchange.sendResponseHeaders(200, 100_000);
                exchange.getResponseBody().write(new byte[512]);
                exchange.getResponseBody().flush();
                try {
                    Thread.sleep(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return true;
            }
            return false;
        });
        try (RegistryImageSource source = open(RegistryClientOptions.defaults().withReadIdleTimeout(Duration.ofMillis(400)))) {
            PlatformImage image = source.images(null).get(0);
            long start = System.nanoTime();
            assertThatThrownBy(() -> RegistryFixtures.drain(source.openLayer(image, image.layers().get(0))))
                    .isInstanceOf(RegistryUnreachableException.class)
                    .hasMessageContaining("pull layer " + layer0).hasMessageContaining("no data received for 400 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));

            InputStream slowConsumer = source.openLayer(image, image.layers().get(1));
            assertThat(slowConsumer.read()).isNotNegative();
            Thread.sleep(1_000); // pausing between reads is not idleness of the registry
            assertThat(RegistryFixtures.drain(slowConsumer)).isNotNull();
        }
    }

    @Test
    void aClosedPortIsUnreachable() throws Exception {
        URI closed;
        try (var socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        RegistryAccessPolicy policy = RegistryAccessPolicy.of(List.of(RegistryConfig.anonymous(closed.getAuthority(), true)));
        try (RegistryImageSource source = RegistryImageSource.open(policy,
                ImageReference.parse(closed.getAuthority() + "/lw/front:1.0"), RegistryClientOptions.defaults())) {
            assertThatThrownBy(() -> source.images(null)).isInstanceOf(RegistryUnreachableException.class)
                    .hasMessageContaining("cannot connect to " + closed.getAuthority());
        }
    }
}
