package dev.layerwatch.notify.slack;

import dev.layerwatch.common.event.EventJson;
import dev.layerwatch.notify.delivery.NotifyHttpTransport;
import dev.layerwatch.notify.delivery.RejectedDelivery;
import dev.layerwatch.notify.delivery.RetryableDeliveryFailure;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Calls {@code chat.postMessage}. The Web API answers HTTP 200 even on failure, so the {@code ok}
 * flag and {@code error} code decide: Slack's own transient codes are retried, everything else
 * ({@code invalid_blocks}, {@code invalid_auth}, {@code channel_not_found}…) is a rejection.
 */
final class SlackBotSender {

    private static final Set<String> TRANSIENT = Set.of("ratelimited", "internal_error", "fatal_error",
            "service_unavailable", "request_timeout", "team_added_to_org");

    private final NotifyHttpTransport http;
    private final URI postMessage;
    private final String botToken;

    SlackBotSender(NotifyHttpTransport http, URI apiUrl, String botToken) {
        this.http = http;
        String base = apiUrl.toString().endsWith("/") ? apiUrl.toString() : apiUrl + "/";
        this.postMessage = URI.create(base + "chat.postMessage");
        this.botToken = botToken;
    }

    /** Posts and returns the message {@code ts}, the thread id for follow-ups. */
    String post(SlackMessage message, String channel, String threadTs) {
        String action = "post Slack message to " + channel;
        String body = http.send("POST", postMessage,
                Map.of("Authorization", "Bearer " + botToken, "Content-Type", "application/json; charset=utf-8"),
                message.postMessageBody(channel, threadTs).toString(), action).body();
        JsonNode reply;
        try {
            reply = EventJson.mapper().readTree(body);
        } catch (RuntimeException e) {
            throw new RetryableDeliveryFailure(action + ": unreadable answer: " + body);
        }
        if (reply.path("ok").asBoolean(false)) {
            return reply.path("ts").asString(null);
        }
        String error = reply.path("error").asString("unknown_error");
        String detail = action + ": Slack error " + error + detailOf(reply);
        if (TRANSIENT.contains(error)) {
            throw new RetryableDeliveryFailure(detail);
        }
        throw new RejectedDelivery(detail);
    }

    private static String detailOf(JsonNode reply) {
        JsonNode messages = reply.path("response_metadata").path("messages");
        return messages.isArray() && !messages.isEmpty() ? " " + messages : "";
    }
}
