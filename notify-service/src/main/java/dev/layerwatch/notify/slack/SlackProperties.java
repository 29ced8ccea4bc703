package dev.layerwatch.notify.slack;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Slack settings under {@code layerwatch.notify.slack}. Configure an incoming webhook, or a bot token
 * and a default channel (the bot API can thread follow-ups; a webhook cannot), or both.
 *
 * @param webhookUrl  incoming-webhook URL; the URL is the credential
 * @param botToken    {@code xoxb-…} token with {@code chat:write}
 * @param channel     default channel id for the bot API (a routing rule may name another)
 * @param apiUrl      Slack Web API base, {@code https://slack.com/api} unless testing
 * @param reportUrl   link to the full report; {@code {registry}}, {@code {repository}}, {@code {tag}}, {@code {digest}} are filled in
 * @param maxFindings vulnerabilities listed per message before "+N more" (at most 40, to stay within 50 blocks)
 */
@ConfigurationProperties("layerwatch.notify.slack")
public record SlackProperties(URI webhookUrl, String botToken, String channel, URI apiUrl, String reportUrl, int maxFindings) {

    public static final String WEBHOOK_DESTINATION = "webhook";

    public SlackProperties {
        apiUrl = apiUrl == null ? URI.create("https://slack.com/api") : apiUrl;
        maxFindings = maxFindings <= 0 ? 10 : Math.min(maxFindings, 40);
        webhookUrl = webhookUrl == null || webhookUrl.toString().isBlank() ? null : webhookUrl;
        botToken = botToken == null || botToken.isBlank() ? null : botToken;
        channel = channel == null || channel.isBlank() ? null : channel;
    }

    public boolean botConfigured() {
        return botToken != null;
    }

    public boolean configured() {
        return webhookUrl != null || (botToken != null && channel != null);
    }

    /** Where a rule's Slack messages go: its own channel via the bot, else the default channel, else the webhook. */
    public String destination(String ruleChannel) {
        if (botToken != null && ruleChannel != null && !ruleChannel.isBlank()) {
            return ruleChannel;
        }
        if (botToken != null && channel != null) {
            return channel;
        }
        return WEBHOOK_DESTINATION;
    }
}
