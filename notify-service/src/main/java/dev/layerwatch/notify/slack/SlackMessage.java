package dev.layerwatch.notify.slack;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** A formatted message: the notification fallback {@code text} and the Block Kit {@code blocks}. */
public record SlackMessage(String text, ArrayNode blocks) {

    /** The incoming-webhook body. */
    public ObjectNode webhookBody() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("text", text);
        body.set("blocks", blocks);
        return body;
    }

    /** The {@code chat.postMessage} body; {@code threadTs} null for a new message. */
    public ObjectNode postMessageBody(String channel, String threadTs) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("channel", channel);
        body.put("text", text);
        body.set("blocks", blocks);
        if (threadTs != null) {
            body.put("thread_ts", threadTs);
        }
        body.put("unfurl_links", false);
        return body;
    }
}
