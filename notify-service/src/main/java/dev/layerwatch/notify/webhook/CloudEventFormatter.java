package dev.layerwatch.notify.webhook;

import dev.layerwatch.common.event.EventJson;
import dev.layerwatch.common.event.ScanCompleted;
import dev.layerwatch.notify.routing.Notification;
import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/**
 * The structured-mode CloudEvents 1.0 envelope. {@code id} is the scan's event id, so a receiver can
 * dedupe; {@code data} is the {@code ScanCompleted} with only the findings routed (and new) to this webhook.
 */
public final class CloudEventFormatter {

    public static final String TYPE = "dev.layerwatch.scan.completed";
    public static final String FAILED_TYPE = "dev.layerwatch.scan.failed";

    private final String source;

    public CloudEventFormatter(String source) {
        this.source = source;
    }

    public ObjectNode format(Notification n, Instant now) {
        ScanCompleted scan = n.scan();
        // outcome and vulnerabilityStatus travel in data: an empty findings list is not an all-clear unless they say so
        ScanCompleted routed = scan.withFindings(n.vulnerabilities(), n.configFindings(), n.secrets());
        ObjectNode event = EventJson.mapper().createObjectNode();
        event.put("specversion", "1.0");
        event.put("type", n.failedScan() ? FAILED_TYPE : TYPE);
        event.put("source", source);
        event.put("id", scan.eventId());
        event.put("time", now.toString());
        event.put("subject", scan.key());
        event.put("datacontenttype", "application/json");
        // CloudEvents extension attributes (lowercase alphanumerics): filterable without parsing data
        event.put("layerwatchoutcome", scan.outcome().result().name().toLowerCase(java.util.Locale.ROOT));
        event.put("layerwatchvulnstatus", scan.vulnerabilityStatus().state().name().toLowerCase(java.util.Locale.ROOT));
        ObjectNode data = EventJson.mapper().valueToTree(routed);
        // the image's whole inventory is report-service's input (it can be megabytes): a webhook gets the findings
        data.remove("inventory");
        event.set("data", data);
        return event;
    }
}
