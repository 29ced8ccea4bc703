package dev.layerwatch.common.image;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An image reference {@code registry/repository[:tag][@digest]}, following the grammar of
 * distribution's reference package. The registry is always explicit here: the Docker Hub
 * shorthand ({@code alpine}) is expanded by {@link #parseWithDefaults}, never silently by {@link #parse}.
 */
public record ImageReference(String registry, String repository, String tag, Digest digest) {

    public static final String DOCKER_HUB = "docker.io";

    private static final Pattern REGISTRY = Pattern.compile(
            "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]{1,5})?"
                    + "|\\[[0-9a-fA-F:]+\\](?::[0-9]{1,5})?");
    private static final Pattern PATH_COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");

    public ImageReference {
        if (registry == null || !REGISTRY.matcher(registry).matches()) {
            throw new IllegalArgumentException("invalid registry host '" + registry + "' in image reference");
        }
        if (repository == null || repository.isEmpty() || repository.length() > 255) {
            throw new IllegalArgumentException("invalid repository '" + repository + "': must be 1 to 255 characters");
        }
        for (String component : repository.split("/", -1)) {
            if (!PATH_COMPONENT.matcher(component).matches()) {
                throw new IllegalArgumentException("invalid repository '" + repository + "': component '" + component
                        + "' must be lower-case letters, digits and single separators (. _ __ -)");
            }
        }
        if (tag != null && !TAG.matcher(tag).matches()) {
            throw new IllegalArgumentException("invalid tag '" + tag + "': must match [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
        }
        if (tag == null && digest == null) {
            throw new IllegalArgumentException("image reference " + registry + "/" + repository + " needs a tag or a digest");
        }
    }

    public static ImageReference of(String registry, String repository, String tag, Digest digest) {
        return new ImageReference(registry, repository, tag, digest);
    }

    /** Parses a fully qualified reference; the first path component must be a registry host. */
    @JsonCreator
    public static ImageReference parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("invalid image reference: empty");
        }
        int slash = text.indexOf('/');
        if (slash <= 0) {
            throw new IllegalArgumentException("invalid image reference '" + text + "': expected registry/repository[:tag][@digest]");
        }
        String host = text.substring(0, slash);
        if (!looksLikeHost(host)) {
            throw new IllegalArgumentException("invalid image reference '" + text + "': '" + host
                    + "' is not a registry host (use registry/repository, e.g. docker.io/library/alpine:3.20)");
        }
        return parseRemainder(host, text.substring(slash + 1), text);
    }

    /**
     * Parses a reference the way the docker CLI does: {@code alpine} means
     * {@code docker.io/library/alpine:latest}.
     */
    public static ImageReference parseWithDefaults(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("invalid image reference: empty");
        }
        int slash = text.indexOf('/');
        String host = slash > 0 ? text.substring(0, slash) : null;
        if (host != null && looksLikeHost(host)) {
            ImageReference ref = parseRemainder(host, text.substring(slash + 1), text);
            return ref;
        }
        String rest = slash > 0 ? text : "library/" + text;
        ImageReference ref = parseRemainder(DOCKER_HUB, rest, text);
        return ref;
    }

    private static boolean looksLikeHost(String first) {
        return first.contains(".") || first.contains(":") || first.equals("localhost") || first.startsWith("[");
    }

    private static ImageReference parseRemainder(String host, String remainder, String original) {
        Digest digest = null;
        int at = remainder.indexOf('@');
        String nameAndTag = remainder;
        if (at >= 0) {
            try {
                digest = Digest.parse(remainder.substring(at + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid image reference '" + original + "': " + e.getMessage(), e);
            }
            nameAndTag = remainder.substring(0, at);
        }
        String tag = null;
        int colon = nameAndTag.lastIndexOf(':');
        String repository = nameAndTag;
        if (colon >= 0) {
            tag = nameAndTag.substring(colon + 1);
            repository = nameAndTag.substring(0, colon);
        }
        if (tag == null && digest == null) {
            tag = "latest";
        }
        try {
            return new ImageReference(host.toLowerCase(Locale.ROOT), repository, tag, digest);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid image reference '" + original + "': " + e.getMessage(), e);
        }
    }

    /** {@code registry/repository}, the name without tag or digest. */
    public String name() {
        return registry + "/" + repository;
    }

    /** The reference the registry is asked for: the digest when known, else the tag. */
    public String pinnedReference() {
        return digest != null ? digest.toString() : tag;
    }

    public ImageReference withDigest(Digest newDigest) {
        return new ImageReference(registry, repository, tag, newDigest);
    }

    /** The Kafka key: one image stays on one partition; {@code repository@digest} or {@code repository:tag}. */
    public String partitionKey() {
        return digest != null ? name() + "@" + digest : name() + ":" + tag;
    }

    @JsonValue
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name());
        if (tag != null) {
            sb.append(':').append(tag);
        }
        if (digest != null) {
            sb.append('@').append(digest);
        }
        return sb.toString();
    }
}
