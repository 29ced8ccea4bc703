package dev.layerwatch.notify.slack;

import dev.layerwatch.notify.delivery.NotifyHttpTransport;
import dev.layerwatch.notify.delivery.RejectedDelivery;
import java.net.URI;
import java.util.Map;

/** Posts to an incoming webhook. Slack answers the literal {@code ok}; errors are 4xx with a short code. */
final class SlackWebhookSender {

    private final NotifyHttpTransport http;
    private final URI webhookUrl;

    SlackWebhookSender(NotifyHttpTransport http, URI webhookUrl) {
        this.http = http;
        this.webhookUrl = webhookUrl;
    }

    void send(SlackMessage message) {
        String body = http.send("POST", webhookUrl, Map.of("Content-Type", "application/json"),
                message.webhookBody().toString(), "post Slack incoming webhook").body();
        if (body != null && !body.isBlank() && !body.strip().equals("ok")) {
            throw new RejectedDelivery("post Slack incoming webhook: unexpected answer '" + body.strip() + "'");
        }
    }
}
