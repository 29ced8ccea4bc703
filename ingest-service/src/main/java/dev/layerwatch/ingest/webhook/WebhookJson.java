package dev.layerwatch.ingest.webhook;

import dev.layerwatch.common.image.Digest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import tools.jackson.databind.JsonNode;

/**
 * Typed reads of a sender's JSON that fail with an {@link InvalidWebhookException} naming the field's path,
 * so every translator reports bad input the same way.
 */
public final class WebhookJson {

    private WebhookJson() {
    }

    /** The object at {@code name}; {@code path} is the name as the error should show it. */
    public static JsonNode object(JsonNode parent, String name, String path) {
        JsonNode value = parent == null ? null : parent.get(name);
        if (value == null || value.isNull()) {
            throw new InvalidWebhookException(path, "missing");
        }
        if (!value.isObject()) {
            throw new InvalidWebhookException(path, "expected an object, got " + value.getNodeType());
        }
        return value;
    }

    public static JsonNode optionalObject(JsonNode parent, String name, String path) {
        JsonNode value = parent == null ? null : parent.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw new InvalidWebhookException(path, "expected an object, got " + value.getNodeType());
        }
        return value;
    }

    public static JsonNode array(JsonNode parent, String name, String path) {
        JsonNode value = parent == null ? null : parent.get(name);
        if (value == null || value.isNull()) {
            throw new InvalidWebhookException(path, "missing");
        }
        if (!value.isArray()) {
            throw new InvalidWebhookException(path, "expected an array, got " + value.getNodeType());
        }
        return value;
    }

    /** A non-blank string. */
    public static String text(JsonNode parent, String name, String path) {
        String value = optionalText(parent, name, path);
        if (value == null) {
            throw new InvalidWebhookException(path, "missing");
        }
        return value;
    }

    /** A string, or null when absent, null or blank. */
    public static String optionalText(JsonNode parent, String name, String path) {
        JsonNode value = parent == null ? null : parent.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new InvalidWebhookException(path, "expected a string, got " + value.getNodeType());
        }
        String text = value.stringValue();
        return text.isBlank() ? null : text;
    }

    /** A string element of an array. */
    public static String element(JsonNode value, String path) {
        if (value == null || !value.isString() || value.stringValue().isBlank()) {
            throw new InvalidWebhookException(path, "expected a non-empty string");
        }
        return value.stringValue();
    }

    /** A number or a numeric string as text (for ids senders send either way). */
    public static String optionalScalar(JsonNode parent, String name, String path) {
        JsonNode value = parent == null ? null : parent.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isString()) {
            return value.stringValue().isBlank() ? null : value.stringValue();
        }
        if (value.isIntegralNumber()) {
            return value.asString();
        }
        throw new InvalidWebhookException(path, "expected a string or an integer, got " + value.getNodeType());
    }

    public static Digest digest(String text, String path) {
        try {
            return Digest.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidWebhookException(path, e.getMessage());
        }
    }

    /**
     * An id for senders that send none (Docker Hub, Quay, Artifactory, Harbor's default format): the SHA-256 of
     * the raw body, so a retried delivery of the same bytes has the same id.
     */
    public static String contentId(byte[] rawBody) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(rawBody);
            return "sha256-" + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    public static String contentId(String text) {
        return contentId(text.getBytes(StandardCharsets.UTF_8));
    }
}
