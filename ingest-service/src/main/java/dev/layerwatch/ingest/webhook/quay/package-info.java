/**
 * Quay (quay.io, Red Hat Quay, Project Quay) "Repository Push" notifications: tags only, no digest, no event id.
 * One tag-only event per updated tag; the registry host is the first part of {@code docker_url}.
 */
package dev.layerwatch.ingest.webhook.quay;
