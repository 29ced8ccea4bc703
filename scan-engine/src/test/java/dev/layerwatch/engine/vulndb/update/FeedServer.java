package dev.layerwatch.engine.vulndb.update;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A feed host on 127.0.0.1 serving files from memory with strong ETags and If-None-Match → 304, and
 * injectable failures (a status code for a path, a body cut short of its Content-Length).
 */
final class FeedServer implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final Map<String, Boolean> cutShort = new ConcurrentHashMap<>();
    final List<String> requests = new CopyOnWriteArrayList<>();
    final List<String> conditionalRequests = new CopyOnWriteArrayList<>();

    FeedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getRawPath();
            requests.add(path);
            try (exchange) {
                Integer failure = failures.get(path);
                byte[] body = files.get(path);
                if (failure != null) {
                    exchange.sendResponseHeaders(failure, -1);
                    return;
                }
                if (body == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                String etag = "\"" + sha256(body) + "\"";
                String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
                if (ifNoneMatch != null) {
                    conditionalRequests.add(path);
                }
                if (etag.equals(ifNoneMatch)) {
                    exchange.getResponseHeaders().set("ETag", etag);
                    exchange.sendResponseHeaders(304, -1);
                    return;
                }
                exchange.getResponseHeaders().set("ETag", etag);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body, 0, cutShort.containsKey(path) ? body.length / 2 : body.length);
                }
            }
        });
        server.start();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    void put(String path, byte[] body) {
        files.put(path, body);
    }

    void fail(String path, int status) {
        failures.put(path, status);
    }

    void cutShort(String path) {
        cutShort.put(path, true);
    }

    void heal() {
        failures.clear();
        cutShort.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
