package dev.layerwatch.notify.delivery;

/** A 2xx answer from a target. */
public record HttpReply(int status, String body) {
}
