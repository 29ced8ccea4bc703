package dev.layerwatch.testkit.registry;

import dev.layerwatch.common.image.Digest;
import dev.layerwatch.common.image.ImageReference;
import java.util.List;

/** A multi-platform index (or Docker manifest list) as pushed, with its children in index order. */
public record PushedIndex(String registry, String repository, String tag, Digest digest, String mediaType, byte[] index,
                          List<PushedImage> children) {

    public PushedIndex {
        children = List.copyOf(children);
    }

    public ImageReference tagReference() {
        return new ImageReference(registry, repository, tag, null);
    }
}
