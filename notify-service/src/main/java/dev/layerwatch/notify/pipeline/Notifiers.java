package dev.layerwatch.notify.pipeline;

import dev.layerwatch.notify.delivery.DeliveryLedger;
import dev.layerwatch.notify.delivery.Notifier;
import dev.layerwatch.notify.delivery.NotifyHttpTransport;
import dev.layerwatch.notify.jira.JiraNotifier;
import dev.layerwatch.notify.jira.JiraProperties;
import dev.layerwatch.notify.log.LogNotifier;
import dev.layerwatch.notify.routing.ChannelKind;
import dev.layerwatch.notify.slack.SlackNotifier;
import dev.layerwatch.notify.slack.SlackProperties;
import dev.layerwatch.notify.webhook.WebhookNotifier;
import dev.layerwatch.notify.webhook.WebhookProperties;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The configured channels, from the one explicit list below; the log channel when none is configured. */
public final class Notifiers {

    private final Map<ChannelKind, Notifier> byKind = new EnumMap<>(ChannelKind.class);

    private Notifiers(List<Notifier> notifiers) {
        notifiers.forEach(n -> byKind.put(n.kind(), n));
    }

    public static Notifiers configured(SlackProperties slack, JiraProperties jira, WebhookProperties webhook,
                                       NotifyHttpTransport http, DeliveryLedger ledger, Clock clock) {
        List<Notifier> list = new ArrayList<>();
        if (slack.configured()) {
            list.add(new SlackNotifier(slack, http, ledger));
        }
        if (jira.configured()) {
            list.add(new JiraNotifier(jira, http, ledger));
        }
        if (webhook.configured()) {
            list.add(new WebhookNotifier(webhook, http, clock));
        }
        if (list.isEmpty()) {
            list.add(new LogNotifier());
        }
        return new Notifiers(list);
    }

    public Set<ChannelKind> kinds() {
        return Set.copyOf(byKind.keySet());
    }

    public Notifier of(ChannelKind kind) {
        Notifier notifier = byKind.get(kind);
        if (notifier == null) {
            throw new IllegalStateException("no " + kind.id() + " notifier configured");
        }
        return notifier;
    }
}
