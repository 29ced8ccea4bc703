package dev.layerwatch.notify.routing;

import java.util.Locale;

/** The kinds of channel a rule can name; {@code log} is the fallback when nothing else is configured. */
public enum ChannelKind {
    SLACK, JIRA, WEBHOOK, LOG;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ChannelKind parse(String text) {
        for (ChannelKind kind : values()) {
            if (kind.id().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown notification channel '" + text + "': expected slack, jira, webhook or log");
    }
}
