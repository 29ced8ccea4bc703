/**
 * The Spring side of notify-service: the {@code notifyFindings} and {@code retryNotifications}
 * consumers, the one explicit list of channels, the retry and dead-letter publishing, and the
 * configuration that wires them.
 */
package dev.layerwatch.notify.pipeline;
