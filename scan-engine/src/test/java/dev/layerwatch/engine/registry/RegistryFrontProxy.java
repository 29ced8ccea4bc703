package dev.layerwatch.engine.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP server in front of the real registry, for what the registry cannot produce itself
 * (redirects to storage, 429/503 with Retry-After, slow answers): each request goes to the interceptor
 * first and is proxied to the registry unless the interceptor answered it. Records every request.
 */
final class RegistryFrontProxy implements AutoCloseable {

    /** Answers an exchange itself (returns true) or lets it through to the registry (false). */
    interface Interceptor {
        boolean handle(HttpExchange exchange) throws IOException;
    }

    record Seen(String method, String path, String authorization) {
    }

    private final HttpServer server;
    private final URI upstream;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private volatile Interceptor interceptor = exchange -> false;

    RegistryFrontProxy(URI upstream) throws IOException {
        this.upstream = upstream;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::serve);
        server.start();
    }

    String hostPort() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    void intercept(Interceptor value) {
        this.interceptor = value;
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders().getFirst("Authorization")));
            if (interceptor.handle(exchange)) {
                return;
            }
            HttpRequest.Builder forward = HttpRequest.newBuilder(upstream.resolve(exchange.getRequestURI().toString()))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.noBody());
            for (String header : List.of("Authorization", "Accept")) {
                String value = exchange.getRequestHeaders().getFirst(header);
                if (value != null) {
                    forward.header(header, value);
                }
            }
            HttpResponse<InputStream> response;
            try {
                response = http.send(forward.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            for (String header : List.of("Content-Type", "Docker-Content-Digest", "WWW-Authenticate", "Location")) {
                response.headers().allValues(header).forEach(v -> exchange.getResponseHeaders().add(header, v));
            }
            long length = response.headers().firstValueAsLong("Content-Length").orElse(0);
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(response.statusCode(), head || length == 0 ? -1 : length);
            try (InputStream in = response.body(); OutputStream out = exchange.getResponseBody()) {
                if (!head) {
                    in.transferTo(out);
                }
            }
        }
    }

    static void answer(HttpExchange exchange, int status, String headerName, String headerValue) throws IOException {
        if (headerName != null) {
            exchange.getResponseHeaders().set(headerName, headerValue);
        }
        byte[] body = ("{\"errors\":[{\"code\":\"TOOMANYREQUESTS\",\"message\":\"slow down\"}]}").getBytes();
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, exchange.getRequestMethod().equals("HEAD") ? -1 : body.length);
        if (!exchange.getRequestMethod().equals("HEAD")) {
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        http.close();
    }
}
