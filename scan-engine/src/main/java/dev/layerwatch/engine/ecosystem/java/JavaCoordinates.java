package dev.layerwatch.engine.ecosystem.java;

/**
 * What an archive says it is. {@code groupId} is null when only the manifest or the file name spoke;
 * {@code location} is the archive, nested paths joined with {@code !/}.
 */
record JavaCoordinates(String groupId, String artifactId, String version, String location) {

    /** {@code groupId:artifactId}, or the artifact id alone when the group is unknown. */
    String name() {
        return groupId == null ? artifactId : groupId + ":" + artifactId;
    }
}
