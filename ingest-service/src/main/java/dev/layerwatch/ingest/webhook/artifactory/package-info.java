/**
 * JFrog Artifactory platform webhooks of the Docker domain ({@code domain: docker}, {@code event_type: pushed}).
 * Images are addressed the "repository path" way: {@code <jpd_origin host>/<repo_key>/<image_name>}.
 */
package dev.layerwatch.ingest.webhook.artifactory;
