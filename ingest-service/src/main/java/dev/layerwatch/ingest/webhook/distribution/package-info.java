/**
 * CNCF distribution (registry:2, Debian's docker-registry, GitLab self-managed) notifications: the
 * {@code {"events":[…]}} envelope of media types {@code application/vnd.docker.distribution.events.v1+json} (2.x) and
 * {@code …v2+json} (3.x). The registry host is {@code request.host}.
 */
package dev.layerwatch.ingest.webhook.distribution;
