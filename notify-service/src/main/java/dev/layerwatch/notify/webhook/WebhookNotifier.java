package dev.layerwatch.notify.webhook;

import dev.layerwatch.notify.delivery.Notifier;
import dev.layerwatch.notify.delivery.NotifyHttpTransport;
import dev.layerwatch.notify.routing.ChannelKind;
import dev.layerwatch.notify.routing.Notification;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** POSTs a signed CloudEvent to the configured URL. */
public final class WebhookNotifier implements Notifier {

    private final WebhookProperties properties;
    private final NotifyHttpTransport http;
    private final CloudEventFormatter formatter;
    private final Clock clock;

    public WebhookNotifier(WebhookProperties properties, NotifyHttpTransport http, Clock clock) {
        this.properties = properties;
        this.http = http;
        this.formatter = new CloudEventFormatter(properties.source());
        this.clock = clock;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.WEBHOOK;
    }

    @Override
    public void deliver(Notification n) {
        String body = formatter.format(n, clock.instant()).toString();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/cloudevents+json; charset=utf-8");
        if (properties.secret() != null && !properties.secret().isBlank()) {
            headers.put(WebhookSignature.HEADER, WebhookSignature.of(properties.secret(), body.getBytes(StandardCharsets.UTF_8)));
        }
        http.send("POST", properties.url(), headers, body, "post CloudEvent to " + properties.url().getHost());
    }
}
