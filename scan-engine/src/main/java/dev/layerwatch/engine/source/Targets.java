package dev.layerwatch.engine.source;

import dev.layerwatch.common.image.ImageReference;
import dev.layerwatch.engine.image.ImageSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Parses and opens scan targets: {@code registry:HOST/REPO:TAG|@DIGEST} (a bare reference means
 * registry), {@code oci-layout:DIR[:TAG]}, {@code docker-archive:FILE}, {@code dir:ROOTFS}.
 */
public final class Targets {

    public static final String REGISTRY = "registry:";
    public static final String OCI_LAYOUT = "oci-layout:";
    public static final String DOCKER_ARCHIVE = "docker-archive:";
    public static final String DIRECTORY = "dir:";

    private Targets() {
    }

    /** Throws {@link IllegalArgumentException} naming the target and what is wrong with it. */
    public static Target parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("no target given: expected registry:HOST/REPO:TAG, oci-layout:DIR[:TAG], docker-archive:FILE or dir:ROOTFS");
        }
        if (text.startsWith(OCI_LAYOUT)) {
            String rest = nonEmpty(text, OCI_LAYOUT);
            Path whole = Path.of(rest);
            int colon = rest.lastIndexOf(':');
            if (Files.isDirectory(whole) || colon <= 0 || rest.indexOf('/', colon) >= 0) {
                return new Target.OciLayout(whole, null);
            }
            return new Target.OciLayout(Path.of(rest.substring(0, colon)), rest.substring(colon + 1));
        }
        if (text.startsWith(DOCKER_ARCHIVE)) {
            return new Target.DockerArchive(Path.of(nonEmpty(text, DOCKER_ARCHIVE)));
        }
        if (text.startsWith(DIRECTORY)) {
            return new Target.Directory(Path.of(nonEmpty(text, DIRECTORY)));
        }
        String reference = text.startsWith(REGISTRY) ? nonEmpty(text, REGISTRY) : text;
        try {
            return new Target.Registry(ImageReference.parseWithDefaults(reference));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid target '" + text + "': " + e.getMessage()
                    + " (targets: registry:HOST/REPO:TAG, oci-layout:DIR[:TAG], docker-archive:FILE, dir:ROOTFS)", e);
        }
    }

    /** Opens a parsed target; an unreadable one is an {@link IOException} naming it. */
    public static ImageSource open(Target target, RegistrySourceFactory registries) throws IOException {
        return switch (target) {
            case Target.Registry r -> registries.open(r.reference());
            case Target.OciLayout o -> OciLayoutSource.open(o.directory(), o.tag());
            case Target.DockerArchive d -> DockerArchiveSource.open(d.file());
            case Target.Directory d -> RootfsDirectorySource.open(d.root());
        };
    }

    private static String nonEmpty(String text, String prefix) {
        String rest = text.substring(prefix.length());
        if (rest.isBlank()) {
            throw new IllegalArgumentException("invalid target '" + text + "': nothing after '" + prefix + "'");
        }
        return rest;
    }
}
