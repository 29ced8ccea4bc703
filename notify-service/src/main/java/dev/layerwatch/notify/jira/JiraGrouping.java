package dev.layerwatch.notify.jira;

/** What one ticket stands for. */
public enum JiraGrouping {
    /** One ticket per repository and vulnerability, across tags and digests. */
    REPOSITORY,
    /** One ticket per scanned image (repository and digest) listing all its vulnerabilities. */
    IMAGE
}
