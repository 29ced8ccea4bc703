package dev.layerwatch.notify.jira;

import dev.layerwatch.common.event.EventJson;
import dev.layerwatch.notify.delivery.NotifyHttpTransport;
import dev.layerwatch.notify.delivery.RejectedDelivery;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The Jira REST calls the notifier needs, for Cloud or Data Center as configured. */
final class JiraRestClient {

    private static final int PAGE = 50;

    private final NotifyHttpTransport http;
    private final JiraProperties properties;
    private final String base;

    JiraRestClient(NotifyHttpTransport http, JiraProperties properties) {
        this.http = http;
        this.properties = properties;
        String url = properties.baseUrl().toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Every issue matching {@code jql}, following Cloud's token paging or Data Center's {@code startAt}. */
    List<JiraIssue> search(String jql) {
        List<JiraIssue> issues = new ArrayList<>();
        String nextPageToken = null;
        int startAt = 0;
        while (true) {
            ObjectNode body = JsonNodeFactory.instance.objectNode().put("jql", jql).put("maxResults", PAGE);
            body.putArray("fields").add("labels").add("status");
            if (properties.flavor() == JiraFlavor.CLOUD && nextPageToken != null) {
                body.put("nextPageToken", nextPageToken);
            } else if (properties.flavor() == JiraFlavor.DATA_CENTER) {
                body.put("startAt", startAt);
            }
            JsonNode reply = post(properties.flavor().searchPath(), body, "search Jira for " + jql);
            JsonNode page = reply.path("issues");
            for (JsonNode issue : page) {
                List<String> labels = new ArrayList<>();
                issue.path("fields").path("labels").forEach(l -> labels.add(l.asString()));
                boolean done = "done".equals(issue.path("fields").path("status").path("statusCategory").path("key").asString(""));
                issues.add(new JiraIssue(issue.path("key").asString(), labels, done));
            }
            if (properties.flavor() == JiraFlavor.CLOUD) {
                nextPageToken = reply.path("nextPageToken").asString(null);
                if (nextPageToken == null || page.isEmpty()) {
                    return issues;
                }
            } else {
                startAt += page.size();
                if (page.isEmpty() || startAt >= reply.path("total").asInt(0)) {
                    return issues;
                }
            }
        }
    }

    String create(ObjectNode body) {
        JsonNode reply = post(api("/issue"), body, "create Jira issue in " + properties.projectKey());
        String key = reply.path("key").asString(null);
        if (key == null) {
            throw new RejectedDelivery("create Jira issue in " + properties.projectKey() + ": answer has no key: " + reply);
        }
        return key;
    }

    void comment(String key, ObjectNode body) {
        post(api("/issue/" + encode(key) + "/comment"), body, "comment on Jira issue " + key);
    }

    /** The id of the transition named {@code name} (case-insensitive) available on {@code key} now. */
    Optional<String> transitionId(String key, String name) {
        String action = "list transitions of Jira issue " + key;
        JsonNode reply = read(http.send("GET", URI.create(base + api("/issue/" + encode(key) + "/transitions")), headers(), null, action).body(), action);
        for (JsonNode t : reply.path("transitions")) {
            if (name.equalsIgnoreCase(t.path("name").asString(""))) {
                return Optional.of(t.path("id").asString());
            }
        }
        return Optional.empty();
    }

    void transition(String key, ObjectNode body) {
        post(api("/issue/" + encode(key) + "/transitions"), body, "transition Jira issue " + key);
    }

    private JsonNode post(String path, ObjectNode body, String action) {
        return read(http.send("POST", URI.create(base + path), headers(), body.toString(), action).body(), action);
    }

    private static JsonNode read(String body, String action) {
        if (body == null || body.isBlank()) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            return EventJson.mapper().readTree(body);
        } catch (RuntimeException e) {
            throw new RejectedDelivery(action + ": answer is not JSON: " + body.substring(0, Math.min(200, body.length())));
        }
    }

    private Map<String, String> headers() {
        return Map.of("Authorization", properties.flavor().authorization(properties),
                "Accept", "application/json", "Content-Type", "application/json");
    }

    private String api(String path) {
        return properties.flavor().apiPath() + path;
    }

    private static String encode(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8);
    }
}
