package dev.layerwatch.engine.source;

import dev.layerwatch.common.image.ImageReference;
import java.nio.file.Path;

/** A parsed scan target: what the user named, before anything is opened. */
public sealed interface Target {

    /** The target as reports name the image. */
    String describe();

    record Registry(ImageReference reference) implements Target {
        @Override
        public String describe() {
            return reference.toString();
        }
    }

    /** @param tag the {@code org.opencontainers.image.ref.name} to select, or null */
    record OciLayout(Path directory, String tag) implements Target {
        @Override
        public String describe() {
            return "oci-layout:" + directory + (tag == null ? "" : ":" + tag);
        }
    }

    record DockerArchive(Path file) implements Target {
        @Override
        public String describe() {
            return "docker-archive:" + file;
        }
    }

    record Directory(Path root) implements Target {
        @Override
        public String describe() {
            return "dir:" + root;
        }
    }
}
