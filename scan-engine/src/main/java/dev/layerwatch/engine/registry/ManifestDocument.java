package dev.layerwatch.engine.registry;

import dev.layerwatch.common.image.Digest;
import dev.layerwatch.common.image.Platform;
import java.util.List;
import java.util.Map;

/** A parsed manifest: one image, or an index/list of per-platform children. */
sealed interface ManifestDocument {

    String mediaType();

    /** A content descriptor (OCI image-spec descriptor.md). */
    record Descriptor(String mediaType, Digest digest, long size, List<String> urls, Platform platform,
                      Map<String, String> annotations, String artifactType) {
        public Descriptor {
            urls = urls == null ? List.of() : List.copyOf(urls);
            annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
        }
    }

    record ImageManifest(String mediaType, Descriptor config, List<Descriptor> layers) implements ManifestDocument {
        public ImageManifest {
            layers = List.copyOf(layers);
        }
    }

    record Index(String mediaType, List<Descriptor> manifests) implements ManifestDocument {
        public Index {
            manifests = List.copyOf(manifests);
        }
    }
}
