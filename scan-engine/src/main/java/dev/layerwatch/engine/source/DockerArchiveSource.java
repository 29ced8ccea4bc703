package dev.layerwatch.engine.source;

import dev.layerwatch.engine.image.DigestVerifyingInputStream;
import dev.layerwatch.common.image.Digest;
import dev.layerwatch.common.image.Platform;
import dev.layerwatch.engine.image.ImageSource;
import dev.layerwatch.engine.image.LayerDescriptor;
import dev.layerwatch.engine.image.PlatformImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarFile;
import org.apache.commons.io.input.BoundedInputStream;
import tools.jackson.databind.JsonNode;

/**
 * A {@code docker save} archive, read in place (random access, nothing extracted): {@code manifest.json}
 * names the config and the layer tars, in the legacy layout ({@code <id>/layer.tar}, {@code <hex>.json})
 * and in the OCI-in-docker-save layout of Docker 25+ ({@code blobs/sha256/<hex>}). The first image
 * of a multi-image archive is scanned.
 */
public final class DockerArchiveSource implements ImageSource {

    private static final String LAYER_MEDIA_TYPE = "application/vnd.docker.image.rootfs.diff.tar";
    private static final String BLOB_PREFIX = "blobs/sha256/";

    private final Path file;
    private final TarFile tar;
    private final Map<String, TarArchiveEntry> entries = new HashMap<>();
    private final Map<Digest, String> layerPaths = new HashMap<>();

    private DockerArchiveSource(Path file, TarFile tar) {
        this.file = file;
        this.tar = tar;
        for (TarArchiveEntry e : tar.getEntries()) {
            entries.put(normalise(e.getName()), e);
        }
    }

    public static DockerArchiveSource open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "docker-archive file does not exist");
        }
        TarFile tar;
        try {
            tar = new TarFile(file);
        } catch (IOException e) {
            throw new IOException("docker-archive " + file + ": not a tar archive: " + e.getMessage(), e);
        }
        DockerArchiveSource source = new DockerArchiveSource(file, tar);
        if (!source.entries.containsKey("manifest.json")) {
            tar.close();
            throw new IOException("docker-archive " + file + ": no manifest.json, not a docker save archive");
        }
        return source;
    }

    @Override
    public String describe() {
        return "docker-archive:" + file;
    }

    @Override
    public List<PlatformImage> images(Platform platform) throws IOException {
        JsonNode manifests = parse(read("manifest.json"), "manifest.json");
        if (!manifests.isArray() || manifests.isEmpty()) {
            throw new IOException("docker-archive " + file + ": manifest.json lists no images");
        }
        JsonNode m = manifests.get(0);
        String configPath = m.path("Config").asString(null);
        if (configPath == null) {
            throw new IOException("docker-archive " + file + ": manifest.json has no Config");
        }
        byte[] config = read(configPath);
        JsonNode configDoc = parse(config, configPath);
        List<Digest> diffIds = new ArrayList<>();
        for (JsonNode id : configDoc.path("rootfs").path("diff_ids")) {
            diffIds.add(Digest.parse(id.asString()));
        }
        JsonNode layerNames = m.path("Layers");
        if (layerNames.size() != diffIds.size()) {
            throw new IOException("docker-archive " + file + ": manifest.json lists " + layerNames.size()
                    + " layers but the config has " + diffIds.size() + " diff ids");
        }
        List<LayerDescriptor> layers = new ArrayList<>();
        for (int i = 0; i < layerNames.size(); i++) {
            String path = normalise(layerNames.get(i).asString());
            TarArchiveEntry entry = entry(path);
            Digest digest = path.startsWith(BLOB_PREFIX) ? Digest.parse("sha256:" + path.substring(BLOB_PREFIX.length())) : diffIds.get(i);
            layerPaths.put(digest, path);
            layers.add(new LayerDescriptor(digest, LAYER_MEDIA_TYPE, entry.getSize(), List.of()));
        }
        Platform own = OciImageReader.platformOf(configDoc);
        if (platform != null && own != null && !platform.selects(own)) {
            throw new IOException("docker-archive " + file + " holds a " + own + " image, not " + platform);
        }
        Digest configDigest = configPath.startsWith(BLOB_PREFIX) ? Digest.parse("sha256:" + configPath.substring(BLOB_PREFIX.length()))
                : sha256(config);
        return List.of(new PlatformImage(manifestDigest(), null, null, own, configDigest, config, layers));
    }

    @Override
    public InputStream openLayer(PlatformImage image, LayerDescriptor layer) throws IOException {
        String path = layerPaths.get(layer.digest());
        if (path == null) {
            throw new IOException("docker-archive " + file + ": no layer " + layer.digest());
        }
        return DigestVerifyingInputStream.describing(entryStream(entry(path)), layer.digest(),
                "docker-archive " + file + " layer " + path);
    }

    /**
     * A layer read on its own channel: the image's layers are read concurrently, and the archive's {@link TarFile}
     * streams share one file position.
     */
    private InputStream entryStream(TarArchiveEntry entry) throws IOException {
        if (entry.isSparse() || entry.getDataOffset() < 0) {
            return tar.getInputStream(entry); // a sparse layer.tar: docker save never writes one
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            channel.position(entry.getDataOffset());
            return BoundedInputStream.builder()
                    .setInputStream(Channels.newInputStream(channel))
                    .setMaxCount(entry.getSize())
                    .setPropagateClose(true)
                    .get();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        tar.close();
    }

    /** Docker 25+ archives carry an OCI index.json naming the manifest; the legacy layout has no manifest digest. */
    private Digest manifestDigest() throws IOException {
        if (!entries.containsKey("index.json")) {
            return null;
        }
        JsonNode first = parse(read("index.json"), "index.json").path("manifests").path(0);
        String d = first.path("digest").asString(null);
        return d != null && Digest.isDigest(d) ? Digest.parse(d) : null;
    }

    private TarArchiveEntry entry(String path) throws IOException {
        TarArchiveEntry e = entries.get(normalise(path));
        if (e == null) {
            throw new IOException("docker-archive " + file + ": " + path + " is missing from the archive");
        }
        return e;
    }

    private byte[] read(String path) throws IOException {
        TarArchiveEntry e = entry(path);
        if (e.getSize() > 16 << 20) {
            throw new IOException("docker-archive " + file + ": " + path + " is too large for a JSON document");
        }
        try (InputStream in = tar.getInputStream(e)) {
            return in.readAllBytes();
        }
    }

    private JsonNode parse(byte[] bytes, String what) throws IOException {
        try {
            return OciImageReader.JSON.readTree(bytes);
        } catch (RuntimeException e) {
            throw new IOException("docker-archive " + file + ": " + what + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static String normalise(String name) {
        String n = name.startsWith("./") ? name.substring(2) : name;
        return n.startsWith("/") ? n.substring(1) : n;
    }

    private static Digest sha256(byte[] bytes) {
        try {
            return Digest.sha256(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
