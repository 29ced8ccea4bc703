package dev.layerwatch.testkit.registry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link ImagePusher} should build: layer directories (base first) and the config fields the engine's
 * image checks look at. Fluent and mutable; every field has a sensible default (linux/amd64, OCI, gzip).
 */
public final class ImageSpec {

    record Layer(Path directory, LayerCompression compression) {
    }

    final List<Layer> layers = new ArrayList<>();
    ManifestFormat format = ManifestFormat.OCI;
    String os = "linux";
    String architecture = "amd64";
    String variant;
    String user;
    final List<String> env = new ArrayList<>();
    final List<String> exposedPorts = new ArrayList<>();
    List<String> healthcheck;
    List<String> cmd;
    final Map<String, String> indexAnnotations = new LinkedHashMap<>();

    private ImageSpec() {
    }

    public static ImageSpec image() {
        return new ImageSpec();
    }

    /** Adds a gzip layer built from a rootfs-shaped directory. */
    public ImageSpec layer(Path directory) {
        return layer(directory, LayerCompression.GZIP);
    }

    public ImageSpec layer(Path directory, LayerCompression compression) {
        layers.add(new Layer(directory, compression));
        return this;
    }

    public ImageSpec format(ManifestFormat value) {
        this.format = value;
        return this;
    }

    /** Sets {@code os}/{@code architecture}/{@code variant} in the config and in an index descriptor. */
    public ImageSpec platform(String os, String architecture, String variant) {
        this.os = os;
        this.architecture = architecture;
        this.variant = variant;
        return this;
    }

    /** {@code config.User}; unset by default (so the image runs as root). */
    public ImageSpec user(String value) {
        this.user = value;
        return this;
    }

    /** Adds {@code KEY=VALUE} entries to {@code config.Env}. */
    public ImageSpec env(String... entries) {
        env.addAll(Arrays.asList(entries));
        return this;
    }

    /** Adds {@code "<port>/<proto>"} keys to {@code config.ExposedPorts}. */
    public ImageSpec exposedPort(String portAndProtocol) {
        exposedPorts.add(portAndProtocol);
        return this;
    }

    /** {@code config.Healthcheck.Test}, e.g. {@code "CMD", "curl", "-f", "http://localhost/"}. */
    public ImageSpec healthcheck(String... test) {
        this.healthcheck = List.of(test);
        return this;
    }

    public ImageSpec cmd(String... command) {
        this.cmd = List.of(command);
        return this;
    }

    /** Annotations on this image's descriptor when it is a child of an index (e.g. an attestation marker). */
    public ImageSpec indexAnnotation(String key, String value) {
        indexAnnotations.put(key, value);
        return this;
    }
}
