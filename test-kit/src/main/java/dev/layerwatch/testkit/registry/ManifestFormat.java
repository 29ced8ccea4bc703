package dev.layerwatch.testkit.registry;

/** The manifest (and index) media types an image is pushed with. */
public enum ManifestFormat {
    OCI("application/vnd.oci.image.manifest.v1+json", "application/vnd.oci.image.config.v1+json",
            "application/vnd.oci.image.index.v1+json"),
    DOCKER_SCHEMA2("application/vnd.docker.distribution.manifest.v2+json", "application/vnd.docker.container.image.v1+json",
            "application/vnd.docker.distribution.manifest.list.v2+json");

    private final String manifestMediaType;
    private final String configMediaType;
    private final String indexMediaType;

    ManifestFormat(String manifestMediaType, String configMediaType, String indexMediaType) {
        this.manifestMediaType = manifestMediaType;
        this.configMediaType = configMediaType;
        this.indexMediaType = indexMediaType;
    }

    public String manifestMediaType() {
        return manifestMediaType;
    }

    public String configMediaType() {
        return configMediaType;
    }

    /** OCI image index, or Docker manifest list. */
    public String indexMediaType() {
        return indexMediaType;
    }
}
