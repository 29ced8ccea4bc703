/**
 * Jira: one ticket per (repository, vulnerability) or per image, found again by a fingerprint label
 * through JQL so Jira itself prevents duplicates; comments when seen in a new image, and an opt-in
 * transition when a newer push no longer has it. Cloud (REST v3, ADF) and Data Center (REST v2, PAT).
 */
package dev.layerwatch.notify.jira;
