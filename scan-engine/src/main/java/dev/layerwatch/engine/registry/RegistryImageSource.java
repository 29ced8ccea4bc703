package dev.layerwatch.engine.registry;

import dev.layerwatch.common.image.Digest;
import dev.layerwatch.common.image.ImageReference;
import dev.layerwatch.common.image.Platform;
import dev.layerwatch.engine.image.ImageSource;
import dev.layerwatch.engine.image.LayerDescriptor;
import dev.layerwatch.engine.image.PlatformImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** An image in a registry, read through a {@link RegistryClient}. */
public final class RegistryImageSource implements ImageSource {

    private final RegistryClient client;
    private final ImageReference reference;
    private final boolean ownsClient;

    /** Reads {@code reference} through {@code client}, which the caller keeps and closes. */
    public RegistryImageSource(RegistryClient client, ImageReference reference) {
        this(client, reference, false);
    }

    private RegistryImageSource(RegistryClient client, ImageReference reference, boolean ownsClient) {
        if (!reference.registry().equalsIgnoreCase(client.registry())) {
            throw new IllegalArgumentException("reference " + reference + " is not on registry " + client.registry());
        }
        this.client = client;
        this.reference = reference;
        this.ownsClient = ownsClient;
    }

    /** Opens a source with its own client; refused when the policy does not list the reference's registry. */
    public static RegistryImageSource open(RegistryAccessPolicy policy, ImageReference reference, RegistryClientOptions options)
            throws RegistryNotAllowedException {
        return new RegistryImageSource(RegistryClient.connect(policy, reference.registry(), options), reference, true);
    }

    @Override
    public String describe() {
        return reference.toString();
    }

    @Override
    public List<PlatformImage> images(Platform platform) throws IOException {
        return new PlatformImageResolver(client, reference).resolve(platform);
    }

    @Override
    public InputStream openLayer(PlatformImage image, LayerDescriptor layer) throws IOException {
        return client.pullBlob(reference.repository(), layer.digest(), "layer " + layer.digest());
    }

    /** The digest the reference points at now (a manifest HEAD when it names only a tag). */
    public Digest resolveDigest() throws RegistryException {
        return client.resolveDigest(reference);
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }
}
