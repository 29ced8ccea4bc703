package dev.layerwatch.notify.jira;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** What differs between Jira Cloud and Data Center: API version, search endpoint, auth, and text format. */
public enum JiraFlavor {
    /** REST v3: ADF documents, {@code /search/jql} with token paging, basic auth email + API token. */
    CLOUD("/rest/api/3", "/rest/api/3/search/jql"),
    /** REST v2: wiki-markup strings, {@code /search} with {@code startAt} paging, PAT as bearer. */
    DATA_CENTER("/rest/api/2", "/rest/api/2/search");

    private final String apiPath;
    private final String searchPath;

    JiraFlavor(String apiPath, String searchPath) {
        this.apiPath = apiPath;
        this.searchPath = searchPath;
    }

    public String apiPath() {
        return apiPath;
    }

    public String searchPath() {
        return searchPath;
    }

    public String authorization(JiraProperties p) {
        return switch (this) {
            case CLOUD -> {
                if (p.email() == null || p.apiToken() == null) {
                    throw new IllegalStateException("Jira Cloud needs layerwatch.notify.jira.email and api-token");
                }
                yield "Basic " + Base64.getEncoder().encodeToString((p.email() + ":" + p.apiToken()).getBytes(StandardCharsets.UTF_8));
            }
            case DATA_CENTER -> {
                if (p.personalAccessToken() == null) {
                    throw new IllegalStateException("Jira Data Center needs layerwatch.notify.jira.personal-access-token");
                }
                yield "Bearer " + p.personalAccessToken();
            }
        };
    }
}
