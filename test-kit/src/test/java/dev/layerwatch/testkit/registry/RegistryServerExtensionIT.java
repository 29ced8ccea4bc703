package dev.layerwatch.testkit.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.luben.zstd.ZstdInputStream;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RegistryServerExtensionIT {

    private static final String ACCEPT = String.join(",", "application/vnd.oci.image.index.v1+json",
            "application/vnd.oci.image.manifest.v1+json", "application/vnd.docker.distribution.manifest.list.v2+json",
            "application/vnd.docker.distribution.manifest.v2+json");

    record Received(String authorization, String contentType, String body) {
    }

    private static final BlockingQueue<Received> NOTIFICATIONS = new LinkedBlockingQueue<>();
    private static final HttpServer HOOK = startHook();

    @RegisterExtension
    static RegistryServerExtension registry = RegistryServerExtension.builder()
            .notify(NotificationEndpoint.to(URI.create("http://127.0.0.1:" + HOOK.getAddress().getPort() + "/hook"),
                            Map.of("Authorization", "Bearer hook-secret"))
                    .withTimeout(Duration.ofMillis(500)).withThreshold(3).withBackoff(Duration.ofMillis(200)))
            .build();

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterAll
    static void stopHook() {
        HOOK.stop(0);
    }

    @Test
    void pushedImageCanBePulledBackWithMatchingDigests() throws Exception {
        PushedImage image = registry.pusher().push("test/app", "1.0", ImageSpec.image()
                .layer(Fixtures.dir("base"))
                .layer(Fixtures.dir("app"), LayerCompression.ZSTD)
                .user("1000").env("SECRET_TOKEN=abc").exposedPort("22/tcp").healthcheck("CMD", "true"));

        HttpResponse<byte[]> manifest = get("/v2/test/app/manifests/1.0", ACCEPT);
        assertThat(manifest.statusCode()).as(registry.logs()).isEqualTo(200);
        assertThat(manifest.headers().firstValue("Content-Type")).hasValue("application/vnd.oci.image.manifest.v1+json");
        assertThat(manifest.headers().firstValue("Docker-Content-Digest")).hasValue(image.manifestDigest().toString());
        assertThat(ImagePusher.sha256(manifest.body())).isEqualTo(image.manifestDigest());
        assertThat(manifest.body()).isEqualTo(image.manifest());

        byte[] config = get("/v2/test/app/blobs/" + image.configDigest(), "*/*").body();
        assertThat(ImagePusher.sha256(config)).isEqualTo(image.configDigest());
        String configText = new String(config, StandardCharsets.UTF_8);
        assertThat(configText).contains("\"User\":\"1000\"", "SECRET_TOKEN=abc", "\"22/tcp\":{}", "\"Healthcheck\"",
                image.diffIds().get(0).toString(), image.diffIds().get(1).toString());

        assertThat(image.layerMediaTypes()).containsExactly(
                "application/vnd.oci.image.layer.v1.tar+gzip", "application/vnd.oci.image.layer.v1.tar+zstd");
        for (int i = 0; i < 2; i++) {
            byte[] blob = get("/v2/test/app/blobs/" + image.layerDigests().get(i), "*/*").body();
            assertThat(ImagePusher.sha256(blob)).isEqualTo(image.layerDigests().get(i));
            try (InputStream tar = i == 0 ? new GZIPInputStream(new ByteArrayInputStream(blob))
                    : new ZstdInputStream(new ByteArrayInputStream(blob))) {
                assertThat(ImagePusher.sha256(tar.readAllBytes())).isEqualTo(image.diffIds().get(i));
            }
        }
    }

    @Test
    void indexChildrenArePushedByDigestAndTheIndexByTag() throws Exception {
        PushedIndex index = registry.pusher().pushIndex("test/multi", "1.0", List.of(
                ImageSpec.image().layer(Fixtures.dir("base")),
                ImageSpec.image().layer(Fixtures.dir("app")).platform("linux", "arm64", "v8").format(ManifestFormat.DOCKER_SCHEMA2)));

        HttpResponse<byte[]> pulled = get("/v2/test/multi/manifests/1.0", ACCEPT);
        assertThat(pulled.statusCode()).isEqualTo(200);
        assertThat(ImagePusher.sha256(pulled.body())).isEqualTo(index.digest());
        String body = new String(pulled.body(), StandardCharsets.UTF_8);
        assertThat(body).contains("\"architecture\":\"arm64\"", "\"variant\":\"v8\"",
                index.children().get(0).manifestDigest().toString(), index.children().get(1).manifestDigest().toString());
        HttpResponse<byte[]> child = get("/v2/test/multi/manifests/" + index.children().get(1).manifestDigest(), ACCEPT);
        assertThat(child.headers().firstValue("Content-Type")).hasValue("application/vnd.docker.distribution.manifest.v2+json");
    }

    @Test
    void pushNotificationArrivesWithTheConfiguredHeader() throws Exception {
        PushedImage image = registry.pusher().push("test/notified", "v1", ImageSpec.image().layer(Fixtures.dir("base")));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Received manifestPush = null;
        while (manifestPush == null && System.nanoTime() < deadline) {
            Received received = NOTIFICATIONS.poll(200, TimeUnit.MILLISECONDS);
            if (received != null) {
                for (JsonNode event : JSON.readTree(received.body()).path("events")) {
                    JsonNode target = event.path("target");
                    if (event.path("action").asString().equals("push") && target.path("tag").asString().equals("v1")
                            && target.path("repository").asString().equals("test/notified")) {
                        manifestPush = received;
                        assertThat(target.path("digest").asString()).isEqualTo(image.manifestDigest().toString());
                    }
                }
            }
        }
        assertThat(manifestPush).as("manifest push event; registry log:\n%s", registry.logs()).isNotNull();
        assertThat(manifestPush.authorization()).isEqualTo("Bearer hook-secret");
        assertThat(manifestPush.contentType()).isEqualTo("application/vnd.docker.distribution.events.v1+json");
    }

    private HttpResponse<byte[]> get(String path, String accept) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(registry.baseUri().resolve(path)).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpServer startHook() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/hook", exchange -> {
                try (exchange) {
                    NOTIFICATIONS.add(new Received(exchange.getRequestHeaders().getFirst("Authorization"),
                            exchange.getRequestHeaders().getFirst("Content-Type"),
                            new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                    exchange.sendResponseHeaders(200, -1);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
