package dev.layerwatch.engine.source;

import dev.layerwatch.common.image.Digest;
import dev.layerwatch.common.image.Platform;
import dev.layerwatch.engine.image.ImageSource;
import dev.layerwatch.engine.image.LayerDescriptor;
import dev.layerwatch.engine.image.PlatformImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * A directory laid out like a root filesystem ({@code dir:ROOTFS}), analysed as one pseudo-layer: the
 * tree is streamed as a tar through the same reader as real layers, so the catalogers see exactly
 * what they would see in an image. It is not content-addressed, so it is never cached and packages
 * cite no layer.
 */
public final class RootfsDirectorySource implements ImageSource {

    private final Path root;

    private RootfsDirectorySource(Path root) {
        this.root = root;
    }

    public static RootfsDirectorySource open(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new NoSuchFileException(root.toString(), null, "dir: target is not a directory");
        }
        return new RootfsDirectorySource(root.toAbsolutePath().normalize());
    }

    @Override
    public String describe() {
        return "dir:" + root;
    }

    @Override
    public List<PlatformImage> images(Platform platform) {
        Digest pseudo = pseudoDigest();
        LayerDescriptor layer = new LayerDescriptor(pseudo, LayerDescriptor.DIRECTORY_LAYER_MEDIA_TYPE, -1, List.of());
        return List.of(new PlatformImage(null, null, null, null, null, new byte[0], List.of(layer)));
    }

    @Override
    public InputStream openLayer(PlatformImage image, LayerDescriptor layer) throws IOException {
        return DirectoryTarStream.start(root);
    }

    /** Names the pseudo-layer in messages; derived from the path, not the content. */
    private Digest pseudoDigest() {
        try {
            return Digest.sha256(MessageDigest.getInstance("SHA-256").digest(("dir:" + root).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
