package dev.layerwatch.notify.jira;

import java.util.List;

/** A ticket as a search returns it. */
public record JiraIssue(String key, List<String> labels, boolean done) {
}
