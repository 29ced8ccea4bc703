package dev.layerwatch.notify.jira;

import dev.layerwatch.common.event.EventJson;
import dev.layerwatch.notify.FakeHttpServer;
import dev.layerwatch.notify.FakeHttpServer.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Jira as the wire formats describe it, for one project: Cloud (v3, ADF, basic email + token,
 * {@code /search/jql} with token paging) or Data Center (v2, strings, PAT bearer, {@code /search}
 * with {@code startAt}). It validates create fields (400 with {@code errors}), understands the JQL the
 * notifier writes, and keeps issues, labels, comments and workflow status in memory.
 */
public final class FakeJiraApi implements AutoCloseable {

    public static final String EMAIL = "bot@example.com";
    public static final String API_TOKEN = "cloud-api-token";
    public static final String PAT = "dc-personal-access-token";
    public static final String PROJECT = "SEC";

    private static final Pattern JQL = Pattern.compile(
            "project = \"?(\\w+)\"? AND labels = \"([^\"]+)\"( AND statusCategory != Done)?( ORDER BY created (ASC|DESC))?");
    private static final Set<String> PRIORITIES = Set.of("Highest", "High", "Medium", "Low", "Lowest");

    /** An issue as the fake keeps it. */
    public static final class Issue {
        public final String key;
        public final JsonNode fields;
        public final List<String> labels;
        public final List<JsonNode> comments = new CopyOnWriteArrayList<>();
        public volatile String status = "To Do";
        public volatile String resolution;

        Issue(String key, JsonNode fields, List<String> labels) {
            this.key = key;
            this.fields = fields;
            this.labels = labels;
        }
    }

    private final JiraFlavor flavor;
    private final String api;
    private final Map<String, Issue> issues = new ConcurrentHashMap<>();
    private final List<String> order = new CopyOnWriteArrayList<>();
    private final AtomicInteger next = new AtomicInteger();
    private final FakeHttpServer server;
    private volatile int pageSize = 50;

    public FakeJiraApi(JiraFlavor flavor) {
        this.flavor = flavor;
        this.api = flavor.apiPath();
        this.server = new FakeHttpServer(this::answer);
    }

    public FakeHttpServer server() {
        return server;
    }

    public URI baseUrl() {
        return server.url("");
    }

    /** Forces search paging with small pages. */
    public void pageSize(int size) {
        this.pageSize = size;
    }

    public List<Issue> issues() {
        return order.stream().map(issues::get).toList();
    }

    public Issue issue(String key) {
        return issues.get(key);
    }

    public JiraProperties properties(boolean closeWhenFixed) {
        return flavor == JiraFlavor.CLOUD
                ? new JiraProperties(baseUrl(), flavor, EMAIL, API_TOKEN, null, PROJECT, null, null, null, List.of("container-scan"), closeWhenFixed, null, "Fixed")
                : new JiraProperties(baseUrl(), flavor, null, null, PAT, PROJECT, null, null, null, List.of("container-scan"), closeWhenFixed, null, null);
    }

    private Response answer(FakeHttpServer.Request r) {
        String expected = flavor == JiraFlavor.CLOUD
                ? "Basic " + Base64.getEncoder().encodeToString((EMAIL + ":" + API_TOKEN).getBytes(StandardCharsets.UTF_8))
                : "Bearer " + PAT;
        if (!expected.equals(r.header("Authorization"))) {
            return Response.json(401, "{\"errorMessages\":[\"You are not authenticated. Authentication required to perform this operation.\"]}");
        }
        String path = r.path();
        if (r.method().equals("POST") && path.equals(flavor.searchPath())) {
            return search(EventJson.mapper().readTree(r.body()));
        }
        if (r.method().equals("POST") && path.equals(api + "/issue")) {
            return create(EventJson.mapper().readTree(r.body()));
        }
        Matcher m = Pattern.compile(Pattern.quote(api) + "/issue/([A-Z]+-\\d+)/(comment|transitions)").matcher(path);
        if (m.matches()) {
            Issue issue = issues.get(m.group(1));
            if (issue == null) {
                return Response.json(404, "{\"errorMessages\":[\"Issue does not exist or you do not have permission to see it.\"]}");
            }
            if (m.group(2).equals("comment") && r.method().equals("POST")) {
                JsonNode body = EventJson.mapper().readTree(r.body()).path("body");
                if (!validText(body)) {
                    return Response.json(400, "{\"errorMessages\":[],\"errors\":{\"comment\":\"Comment body is not valid for this API version.\"}}");
                }
                issue.comments.add(body);
                return Response.json(201, "{\"id\":\"" + (20000 + next.incrementAndGet()) + "\"}");
            }
            if (m.group(2).equals("transitions") && r.method().equals("GET")) {
                return Response.json(200, "{\"transitions\":[{\"id\":\"11\",\"name\":\"To Do\"},{\"id\":\"21\",\"name\":\"In Progress\"},"
                        + "{\"id\":\"31\",\"name\":\"Done\",\"to\":{\"statusCategory\":{\"key\":\"done\"}}}]}");
            }
            if (m.group(2).equals("transitions") && r.method().equals("POST")) {
                JsonNode body = EventJson.mapper().readTree(r.body());
                String id = body.at("/transition/id").asString("");
                switch (id) {
                    case "11" -> issue.status = "To Do";
                    case "21" -> issue.status = "In Progress";
                    case "31" -> issue.status = "Done";
                    default -> {
                        return Response.json(400, "{\"errorMessages\":[\"Transition id '" + id + "' is not valid for this issue.\"],\"errors\":{}}");
                    }
                }
                issue.resolution = body.at("/fields/resolution/name").asString(null);
                body.at("/update/comment").forEach(c -> issue.comments.add(c.at("/add/body")));
                return new Response(204, Map.of(), "", java.time.Duration.ZERO);
            }
        }
        return Response.json(404, "{\"errorMessages\":[\"No resource for " + r.method() + " " + path + "\"]}");
    }

    private Response create(JsonNode body) {
        JsonNode f = body.path("fields");
        ObjectNode errors = JsonNodeFactory.instance.objectNode();
        if (!PROJECT.equals(f.at("/project/key").asString(""))) {
            errors.put("project", "valid project is required");
        }
        if (!Set.of("Bug", "Task").contains(f.at("/issuetype/name").asString(""))) {
            errors.put("issuetype", "Specify a valid issue type");
        }
        if (f.path("summary").asString("").isBlank()) {
            errors.put("summary", "You must specify a summary of the issue.");
        }
        if (!validText(f.path("description"))) {
            errors.put("description", flavor == JiraFlavor.CLOUD ? "Operation value must be an Atlassian Document (see the Atlassian Document Format)"
                    : "Operation value must be a string");
        }
        if (f.has("priority") && !PRIORITIES.contains(f.at("/priority/name").asString(""))) {
            errors.put("priority", "Specify the Priority (name) in the string format");
        }
        List<String> labels = new ArrayList<>();
        f.path("labels").forEach(l -> labels.add(l.asString()));
        if (labels.stream().anyMatch(l -> l.contains(" "))) {
            errors.put("labels", "The label can't contain spaces.");
        }
        if (!errors.isEmpty()) {
            ObjectNode reply = JsonNodeFactory.instance.objectNode();
            reply.putArray("errorMessages");
            reply.set("errors", errors);
            return Response.json(400, reply.toString());
        }
        int n = next.incrementAndGet();
        String key = PROJECT + "-" + n;
        issues.put(key, new Issue(key, f, labels));
        order.add(key);
        return Response.json(201, "{\"id\":\"" + (10000 + n) + "\",\"key\":\"" + key + "\",\"self\":\"" + server.url(api + "/issue/" + (10000 + n)) + "\"}");
    }

    private Response search(JsonNode body) {
        Matcher m = JQL.matcher(body.path("jql").asString(""));
        if (!m.matches()) {
            return Response.json(400, "{\"errorMessages\":[\"Error in the JQL Query: cannot parse '" + body.path("jql").asString("") + "'\"],\"errors\":{}}");
        }
        List<Issue> hits = issues().stream()
                .filter(i -> m.group(1).equals(PROJECT) && i.labels.contains(m.group(2)))
                .filter(i -> m.group(3) == null || !i.status.equals("Done"))
                .toList();
        if (m.group(5) != null && m.group(5).equals("DESC")) {
            hits = hits.reversed();
        }
        int size = Math.min(pageSize, body.path("maxResults").asInt(50));
        int start = flavor == JiraFlavor.CLOUD ? Integer.parseInt(body.path("nextPageToken").asString("0")) : body.path("startAt").asInt(0);
        List<Issue> page = hits.subList(Math.min(start, hits.size()), Math.min(start + size, hits.size()));
        ObjectNode reply = JsonNodeFactory.instance.objectNode();
        ArrayNode out = reply.putArray("issues");
        for (Issue i : page) {
            ObjectNode issue = out.addObject().put("id", String.valueOf(10000 + Integer.parseInt(i.key.substring(PROJECT.length() + 1)))).put("key", i.key);
            ObjectNode fields = issue.putObject("fields");
            i.labels.forEach(fields.putArray("labels")::add);
            fields.putObject("status").put("name", i.status).putObject("statusCategory").put("key", i.status.equals("Done") ? "done" : "new");
        }
        if (flavor == JiraFlavor.CLOUD) {
            if (start + size < hits.size()) {
                reply.put("nextPageToken", String.valueOf(start + size));
            }
            reply.put("isLast", start + size >= hits.size());
        } else {
            reply.put("startAt", start).put("maxResults", size).put("total", hits.size());
        }
        return Response.json(200, reply.toString());
    }

    private boolean validText(JsonNode text) {
        return flavor == JiraFlavor.CLOUD
                ? text.isObject() && "doc".equals(text.path("type").asString("")) && text.path("version").asInt() == 1
                : text.isString();
    }

    @Override
    public void close() {
        server.close();
    }
}
