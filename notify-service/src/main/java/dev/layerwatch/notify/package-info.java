/**
 * notify-service: turns {@code ScanCompleted} events into Slack messages, Jira tickets and signed
 * CloudEvents, announcing only what changed and delivering each notification once.
 */
package dev.layerwatch.notify;
