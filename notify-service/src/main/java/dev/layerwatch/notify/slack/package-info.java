/**
 * Slack: one Block Kit message per scanned image, sent through an incoming webhook or the bot API
 * ({@code chat.postMessage}, later changes to the same image threaded under the first message).
 */
package dev.layerwatch.notify.slack;
