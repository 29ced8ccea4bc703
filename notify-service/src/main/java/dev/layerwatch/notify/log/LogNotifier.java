package dev.layerwatch.notify.log;

import dev.layerwatch.notify.delivery.Notifier;
import dev.layerwatch.notify.routing.ChannelKind;
import dev.layerwatch.notify.routing.Notification;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes a notification to the log, for a standalone run with no Slack, Jira or webhook configured. */
public final class LogNotifier implements Notifier {

    private static final Logger LOG = LoggerFactory.getLogger(LogNotifier.class);
    private static final int TOP = 10;

    @Override
    public ChannelKind kind() {
        return ChannelKind.LOG;
    }

    @Override
    public void deliver(Notification n) {
        lines(n).forEach(LOG::info);
    }

    /** The lines written: a summary, then one per top finding, then "+N more". */
    public static List<String> lines(Notification n) {
        return LogLines.of(n, TOP);
    }
}
