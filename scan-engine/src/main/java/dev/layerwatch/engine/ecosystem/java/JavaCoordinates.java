package dev.layerwatch.engine.ecosystem.java;

/**
 * What an archive says it is. {@code groupId} is null when nothing gave it; {@code guessed} when it, or its
 * absence, is inferred rather than stated (see {@link MavenGroups});
 * {@code location} is the archive, nested paths joined with {@code !/}.
 */
record JavaCoordinates(String groupId, String artifactId, String version, String location, boolean guessed) {

    /** Coordinates stated by pom.properties. */
    JavaCoordinates(String groupId, String artifactId, String version, String location) {
        this(groupId, artifactId, version, location, false);
    }

    /** {@code groupId:artifactId}, or the artifact id alone when the group is unknown. */
    String name() {
        return groupId == null ? artifactId : groupId + ":" + artifactId;
    }
}
