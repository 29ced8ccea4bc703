package dev.layerwatch.testkit.registry;

import dev.layerwatch.common.image.Digest;
import dev.layerwatch.common.image.ImageReference;
import java.util.List;

/**
 * An image as pushed: everything a test needs to check what a client pulls back.
 *
 * @param tag          null when pushed by digest only (an index child)
 * @param layerDigests digests of the blobs as stored (compressed), base first
 * @param diffIds      digests of the uncompressed tars, as in the config's {@code rootfs.diff_ids}
 */
public record PushedImage(
        String registry,
        String repository,
        String tag,
        Digest manifestDigest,
        String manifestMediaType,
        byte[] manifest,
        Digest configDigest,
        byte[] config,
        List<Digest> layerDigests,
        List<String> layerMediaTypes,
        List<Digest> diffIds) {

    public PushedImage {
        layerDigests = List.copyOf(layerDigests);
        layerMediaTypes = List.copyOf(layerMediaTypes);
        diffIds = List.copyOf(diffIds);
    }

    /** {@code registry/repository[:tag]@digest} */
    public ImageReference reference() {
        return new ImageReference(registry, repository, tag, manifestDigest);
    }

    /** {@code registry/repository:tag} without the digest, as a user would type it. */
    public ImageReference tagReference() {
        if (tag == null) {
            throw new IllegalStateException("image " + repository + "@" + manifestDigest + " was pushed without a tag");
        }
        return new ImageReference(registry, repository, tag, null);
    }
}
