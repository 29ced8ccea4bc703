package dev.layerwatch.notify.pipeline;

import dev.layerwatch.common.startup.StartupFact;
import dev.layerwatch.notify.routing.ChannelKind;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** notify-service's start-up facts: the notifiers that will be used (log only when none is configured). */
@Component
public class NotifyStartupFacts implements StartupFact {

    private final Notifiers notifiers;

    public NotifyStartupFacts(Notifiers notifyChannels) {
        this.notifiers = notifyChannels;
    }

    @Override
    public List<String> lines() {
        List<String> kinds = notifiers.kinds().stream().sorted().map(k -> k.name().toLowerCase(Locale.ROOT)).toList();
        boolean logOnly = notifiers.kinds().equals(java.util.Set.of(ChannelKind.LOG));
        return List.of("notifiers: " + String.join(", ", kinds) + (logOnly ? " (no Slack, Jira or webhook configured: results go to the log)" : ""));
    }
}
