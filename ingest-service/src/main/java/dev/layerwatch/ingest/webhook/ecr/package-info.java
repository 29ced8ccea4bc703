/**
 * Amazon ECR push events as EventBridge delivers them through an API destination: {@code detail-type}
 * "ECR Image Action", {@code detail.action-type} PUSH, {@code detail.result} SUCCESS. The registry host is
 * {@code <account>.dkr.ecr.<region>.amazonaws.com}.
 */
package dev.layerwatch.ingest.webhook.ecr;
