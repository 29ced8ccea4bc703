package dev.layerwatch.engine.layer;

/**
 * What the layer walker knows of a regular file before reading it.
 *
 * @param path relative to the image root, cleaned, without a leading slash ({@code var/lib/dpkg/status})
 * @param mode the tar/POSIX permission bits ({@code 0755})
 */
public record FileMeta(String path, long size, int mode) {

    public boolean executable() {
        return (mode & 0111) != 0;
    }

    /** The last path element. */
    public String fileName() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    /** The path as shown to users: with a leading slash. */
    public String location() {
        return "/" + path;
    }
}
