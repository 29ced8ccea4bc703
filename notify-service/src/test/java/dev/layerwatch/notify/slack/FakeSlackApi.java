package dev.layerwatch.notify.slack;

import dev.layerwatch.common.event.EventJson;
import dev.layerwatch.notify.FakeHttpServer;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * Slack as the wire formats describe it: an incoming webhook answering {@code ok} or a 4xx code, and
 * {@code chat.postMessage} answering HTTP 200 with {@code ok}/{@code error}, checking the bot token,
 * the channel and the Block Kit limits.
 */
public final class FakeSlackApi implements AutoCloseable {

    public static final String WEBHOOK_PATH = "/services/T0000/B0000/XXXXXXXX";
    public static final String BOT_TOKEN = "xoxb-test-token";

    private final Set<String> channels;
    private final AtomicInteger ts = new AtomicInteger();
    private final FakeHttpServer server;

    public FakeSlackApi(String... channels) {
        this.channels = Set.of(channels);
        this.server = new FakeHttpServer(this::answer);
    }

    public FakeHttpServer server() {
        return server;
    }

    public URI webhookUrl() {
        return server.url(WEBHOOK_PATH);
    }

    public URI apiUrl() {
        return server.url("/api");
    }

    /** Bodies Slack accepted (webhook and postMessage), in arrival order. */
    public List<JsonNode> accepted() {
        return server.requests(r -> r.answeredWith() == 200 && r.answer() != null && (r.answer().equals("ok") || r.answer().contains("\"ok\":true")))
                .stream().map(r -> EventJson.mapper().readTree(r.body())).toList();
    }

    private FakeHttpServer.Response answer(FakeHttpServer.Request r) {
        if (r.method().equals("POST") && r.path().equals(WEBHOOK_PATH)) {
            JsonNode body = parse(r.body());
            if (body == null) {
                return FakeHttpServer.Response.text(400, "invalid_payload");
            }
            if (!body.hasNonNull("text") && !body.has("blocks")) {
                return FakeHttpServer.Response.text(400, "no_text");
            }
            return invalidBlocks(body) ? FakeHttpServer.Response.text(400, "invalid_blocks") : FakeHttpServer.Response.text(200, "ok");
        }
        if (r.method().equals("POST") && r.path().equals("/api/chat.postMessage")) {
            if (!("Bearer " + BOT_TOKEN).equals(r.header("Authorization"))) {
                return error("invalid_auth");
            }
            JsonNode body = parse(r.body());
            if (body == null) {
                return error("invalid_json");
            }
            if (!channels.contains(body.path("channel").asString(""))) {
                return error("channel_not_found");
            }
            if (invalidBlocks(body)) {
                return error("invalid_blocks");
            }
            String messageTs = "1700000000." + String.format("%06d", ts.incrementAndGet());
            return FakeHttpServer.Response.json(200, "{\"ok\":true,\"channel\":\"" + body.path("channel").asString()
                    + "\",\"ts\":\"" + messageTs + "\"}");
        }
        return FakeHttpServer.Response.text(404, "not found");
    }

    private static boolean invalidBlocks(JsonNode body) {
        JsonNode blocks = body.path("blocks");
        if (blocks.isMissingNode()) {
            return false;
        }
        if (!blocks.isArray() || blocks.size() > 50) {
            return true;
        }
        for (JsonNode block : blocks) {
            String type = block.path("type").asString("");
            int max = type.equals("header") ? 150 : 3000;
            if (type.isEmpty() || block.at("/text/text").asString("").length() > max) {
                return true;
            }
        }
        return false;
    }

    private static FakeHttpServer.Response error(String code) {
        return FakeHttpServer.Response.json(200, "{\"ok\":false,\"error\":\"" + code + "\"}");
    }

    private static JsonNode parse(String body) {
        try {
            return EventJson.mapper().readTree(body);
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
