package dev.layerwatch.notify.slack;

import dev.layerwatch.notify.delivery.DeliveryLedger;
import dev.layerwatch.notify.delivery.Notifier;
import dev.layerwatch.notify.delivery.NotifyHttpTransport;
import dev.layerwatch.notify.routing.ChannelKind;
import dev.layerwatch.notify.routing.Notification;

/**
 * Slack: the incoming webhook for destination {@code webhook}, otherwise the bot API to the channel
 * named by the destination. With the bot, the first message about an image is remembered
 * ({@code ts} in Redis) and later messages about that image go into its thread.
 */
public final class SlackNotifier implements Notifier {

    private final SlackMessageFormatter formatter;
    private final SlackWebhookSender webhook;
    private final SlackBotSender bot;
    private final DeliveryLedger ledger;

    public SlackNotifier(SlackProperties properties, NotifyHttpTransport http, DeliveryLedger ledger) {
        this.formatter = new SlackMessageFormatter(properties);
        this.webhook = properties.webhookUrl() == null ? null : new SlackWebhookSender(http, properties.webhookUrl());
        this.bot = properties.botConfigured() ? new SlackBotSender(http, properties.apiUrl(), properties.botToken()) : null;
        this.ledger = ledger;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.SLACK;
    }

    @Override
    public void deliver(Notification n) {
        String destination = n.target().destination();
        boolean followUp = n.previouslyAnnounced();
        SlackMessage message = formatter.format(n, followUp);
        if (SlackProperties.WEBHOOK_DESTINATION.equals(destination)) {
            if (webhook == null) {
                throw new IllegalStateException("Slack target " + n.target() + " needs layerwatch.notify.slack.webhook-url");
            }
            webhook.send(message);
            return;
        }
        if (bot == null) {
            throw new IllegalStateException("Slack target " + n.target() + " needs layerwatch.notify.slack.bot-token");
        }
        String threadKey = "slack-ts:" + destination + ":" + n.imageKey();
        String threadTs = ledger.state(threadKey);
        String ts = bot.post(message, destination, threadTs);
        if (threadTs == null && ts != null) {
            ledger.recordState(threadKey, ts);
        }
    }
}
