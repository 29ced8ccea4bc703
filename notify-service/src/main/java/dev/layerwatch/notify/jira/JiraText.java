package dev.layerwatch.notify.jira;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A ticket description or comment as paragraphs and bullet lists of spans, rendered as an Atlassian
 * Document Format tree for Cloud (v3) or as wiki markup for Data Center (v2).
 */
public final class JiraText {

    /** A run of text, shown as code or bold or plain. */
    public record Span(String text, boolean code, boolean strong) {
        public static Span plain(String text) {
            return new Span(text, false, false);
        }

        public static Span code(String text) {
            return new Span(text, true, false);
        }

        public static Span strong(String text) {
            return new Span(text, false, true);
        }
    }

    private sealed interface Block permits Paragraph, Bullets {
    }

    private record Paragraph(List<Span> spans) implements Block {
    }

    private record Bullets(List<List<Span>> items) implements Block {
    }

    private final List<Block> blocks = new ArrayList<>();

    public JiraText paragraph(Span... spans) {
        blocks.add(new Paragraph(List.of(spans)));
        return this;
    }

    public JiraText bullets(List<List<Span>> items) {
        if (!items.isEmpty()) {
            blocks.add(new Bullets(List.copyOf(items)));
        }
        return this;
    }

    public ObjectNode toAdf() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode doc = f.objectNode().put("type", "doc").put("version", 1);
        ArrayNode content = doc.putArray("content");
        for (Block block : blocks) {
            switch (block) {
                case Paragraph p -> content.add(adfParagraph(p.spans()));
                case Bullets b -> {
                    ObjectNode list = content.addObject().put("type", "bulletList");
                    ArrayNode items = list.putArray("content");
                    for (List<Span> item : b.items()) {
                        items.addObject().put("type", "listItem").putArray("content").add(adfParagraph(item));
                    }
                }
            }
        }
        return doc;
    }

    public String toWiki() {
        StringBuilder sb = new StringBuilder();
        for (Block block : blocks) {
            if (!sb.isEmpty()) {
                sb.append("\n\n");
            }
            switch (block) {
                case Paragraph p -> sb.append(wiki(p.spans()));
                case Bullets b -> {
                    List<String> lines = new ArrayList<>();
                    b.items().forEach(item -> lines.add("* " + wiki(item)));
                    sb.append(String.join("\n", lines));
                }
            }
        }
        return sb.toString();
    }

    private static ObjectNode adfParagraph(List<Span> spans) {
        ObjectNode p = JsonNodeFactory.instance.objectNode().put("type", "paragraph");
        ArrayNode content = p.putArray("content");
        for (Span s : spans) {
            if (s.text().isEmpty()) {
                continue;
            }
            ObjectNode text = content.addObject().put("type", "text").put("text", s.text());
            if (s.code() || s.strong()) {
                text.putArray("marks").addObject().put("type", s.code() ? "code" : "strong");
            }
        }
        return p;
    }

    private static String wiki(List<Span> spans) {
        StringBuilder sb = new StringBuilder();
        for (Span s : spans) {
            if (s.code()) {
                sb.append("{{").append(s.text()).append("}}");
            } else if (s.strong()) {
                // wiki markup only closes a bold run right after a non-space character
                String bold = s.text().stripTrailing();
                sb.append('*').append(bold).append('*').append(s.text().substring(bold.length()));
            } else {
                sb.append(s.text());
            }
        }
        return sb.toString();
    }
}
