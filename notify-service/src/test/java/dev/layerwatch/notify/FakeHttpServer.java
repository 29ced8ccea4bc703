package dev.layerwatch.notify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A JDK HTTP server on 127.0.0.1 that answers like a third-party API (the handler), records every
 * request with the answer it got, and can misbehave on demand: scripted answers for the next
 * requests (429 with Retry-After, 5xx, slow answers) and {@link #down()}/{@link #up()} on the same
 * port, which refuses connections in between.
 */
public class FakeHttpServer implements AutoCloseable {

    /** @param receivedNanos {@link System#nanoTime()} when the request arrived, for latency figures */
    public record Request(String method, String path, String query, Map<String, String> headers, String body, int answeredWith, String answer,
                          long receivedNanos) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    public record Response(int status, Map<String, String> headers, String body, Duration delay) {
        public static Response json(int status, String body) {
            return new Response(status, Map.of("Content-Type", "application/json"), body, Duration.ZERO);
        }

        public static Response text(int status, String body) {
            return new Response(status, Map.of("Content-Type", "text/plain"), body, Duration.ZERO);
        }

        public static Response tooManyRequests(int retryAfterSeconds) {
            return new Response(429, Map.of("Retry-After", String.valueOf(retryAfterSeconds), "Content-Type", "text/plain"), "rate limited", Duration.ZERO);
        }

        public static Response slow(Duration delay) {
            return new Response(200, Map.of(), "too late", delay);
        }
    }

    private final Function<Request, Response> handler;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Deque<Response> scripted = new ArrayDeque<>();
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final int port;
    private HttpServer server;

    public FakeHttpServer(Function<Request, Response> handler) {
        this.handler = handler;
        this.server = bind(0);
        this.port = server.getAddress().getPort();
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** The next {@code responses} answer the next requests, whatever they are. */
    public synchronized void script(Response... responses) {
        scripted.addAll(List.of(responses));
    }

    public synchronized void down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    public synchronized void up() {
        if (server == null) {
            server = bind(port);
        }
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requests(Predicate<Request> which) {
        return requests.stream().filter(which).toList();
    }

    public void clear() {
        requests.clear();
    }

    @Override
    public void close() {
        down();
        executor.shutdownNow();
    }

    private HttpServer bind(int onPort) {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 50);
            s.createContext("/", this::handle);
            s.setExecutor(executor);
            s.start();
            return s;
        } catch (IOException e) {
            throw new IllegalStateException("cannot bind fake HTTP server to 127.0.0.1:" + onPort, e);
        }
    }

    private synchronized Response nextScripted() {
        return scripted.poll();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long receivedNanos = System.nanoTime();
        try (exchange) {
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            URI uri = exchange.getRequestURI();
            Request partial = new Request(exchange.getRequestMethod(), uri.getPath(), uri.getRawQuery(), headers, body, 0, null, receivedNanos);
            Response scriptedResponse = nextScripted();
            Response response = scriptedResponse != null ? scriptedResponse : handler.apply(partial);
            requests.add(new Request(partial.method(), partial.path(), partial.query(), headers, body, response.status(), response.body(), receivedNanos));
            if (!response.delay().isZero()) {
                try {
                    Thread.sleep(response.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] bytes = response.body() == null ? new byte[0] : response.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }
}
