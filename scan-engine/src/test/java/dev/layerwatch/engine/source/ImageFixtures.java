package dev.layerwatch.engine.source;

import dev.layerwatch.common.image.Digest;
import dev.layerwatch.engine.layer.TarLayerBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Writes OCI layouts and docker save archives at test time from layer builders. */
final class ImageFixtures {

    record Built(Digest manifest, List<Digest> layers, byte[] config) {
    }

    private ImageFixtures() {
    }

    static String config(String arch, List<byte[]> tars) {
        return "{\"architecture\":\"" + arch + "\",\"os\":\"linux\",\"config\":{},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":["
                + tars.stream().map(t -> "\"" + TarLayerBuilder.sha256(t) + "\"").collect(Collectors.joining(",")) + "]}}";
    }

    /** Writes the blobs of one gzip-layered image into {@code dir/blobs}; returns the manifest descriptor facts. */
    static Built writeOciImage(Path dir, String arch, TarLayerBuilder... layers) throws IOException {
        List<byte[]> tars = new ArrayList<>();
        List<String> layerDescriptors = new ArrayList<>();
        List<Digest> layerDigests = new ArrayList<>();
        for (TarLayerBuilder l : layers) {
            tars.add(l.tar());
            byte[] gz = l.gzip();
            Digest d = blob(dir, gz);
            layerDigests.add(d);
            layerDescriptors.add("{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"" + d + "\",\"size\":" + gz.length + "}");
        }
        byte[] config = config(arch, tars).getBytes(StandardCharsets.UTF_8);
        Digest configDigest = blob(dir, config);
        String manifest = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"config\":{\"mediaType\":"
                + "\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + configDigest + "\",\"size\":" + config.length
                + "},\"layers\":[" + String.join(",", layerDescriptors) + "]}";
        return new Built(blob(dir, manifest.getBytes(StandardCharsets.UTF_8)), layerDigests, config);
    }

    static Digest blob(Path dir, byte[] content) throws IOException {
        Digest d = TarLayerBuilder.sha256(content);
        Path p = dir.resolve("blobs/sha256/" + d.hex());
        Files.createDirectories(p.getParent());
        Files.write(p, content);
        return d;
    }

    static void writeIndex(Path dir, String... manifestDescriptors) throws IOException {
        Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        Files.writeString(dir.resolve("index.json"), "{\"schemaVersion\":2,\"manifests\":[" + String.join(",", manifestDescriptors) + "]}");
    }

    static String descriptor(String mediaType, Digest digest, Path dir, String extra) throws IOException {
        long size = Files.size(dir.resolve("blobs/sha256/" + digest.hex()));
        return "{\"mediaType\":\"" + mediaType + "\",\"digest\":\"" + digest + "\",\"size\":" + size + (extra == null ? "" : "," + extra) + "}";
    }

    /** A {@code docker save} archive: legacy ({@code <n>/layer.tar}) or Docker 25+ ({@code blobs/sha256/...}) layout. */
    static void writeDockerArchive(Path file, boolean ociLayout, TarLayerBuilder... layers) throws IOException {
        List<byte[]> tars = new ArrayList<>();
        for (TarLayerBuilder l : layers) {
            tars.add(l.tar());
        }
        byte[] config = config("amd64", tars).getBytes(StandardCharsets.UTF_8);
        Digest configDigest = TarLayerBuilder.sha256(config);
        try (OutputStream out = Files.newOutputStream(file); TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            List<String> layerNames = new ArrayList<>();
            for (int i = 0; i < tars.size(); i++) {
                String name = ociLayout ? "blobs/sha256/" + TarLayerBuilder.sha256(tars.get(i)).hex() : "layer" + i + "/layer.tar";
                layerNames.add("\"" + name + "\"");
                put(tar, name, tars.get(i));
            }
            String configName = ociLayout ? "blobs/sha256/" + configDigest.hex() : configDigest.hex() + ".json";
            put(tar, configName, config);
            put(tar, "manifest.json", ("[{\"Config\":\"" + configName + "\",\"RepoTags\":[\"app:1\"],\"Layers\":["
                    + String.join(",", layerNames) + "]}]").getBytes(StandardCharsets.UTF_8));
            if (ociLayout) {
                put(tar, "index.json", ("{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                        + "\"digest\":\"" + TarLayerBuilder.sha256("m".getBytes()) + "\",\"size\":1}]}").getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static void put(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(content.length);
        tar.putArchiveEntry(e);
        tar.write(content);
        tar.closeArchiveEntry();
    }
}
