/**
 * GitHub Packages / GHCR webhooks: the {@code registry_package} and {@code package} events ({@code X-GitHub-Event}),
 * action {@code published} or {@code updated}, for container packages. The sender id is {@code X-GitHub-Delivery}.
 */
package dev.layerwatch.ingest.webhook.github;
