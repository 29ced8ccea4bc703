/**
 * Docker Hub repository webhooks: one trigger (push), no event id, no digest. Each becomes a tag-only event for
 * {@code docker.io}; scan-service resolves the digest with a manifest HEAD, which costs no pull quota.
 */
package dev.layerwatch.ingest.webhook.dockerhub;
