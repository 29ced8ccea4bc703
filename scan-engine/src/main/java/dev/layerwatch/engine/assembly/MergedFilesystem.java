package dev.layerwatch.engine.assembly;

import dev.layerwatch.engine.layer.LayerEntryKind;
import dev.layerwatch.engine.layer.LayerPaths;
import dev.layerwatch.engine.layerscan.LayerFile;
import dev.layerwatch.engine.layerscan.LayerResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The image's final filesystem, restricted to the paths the layer results kept: layers applied in
 * order, each layer's opaque directories first, then its whiteouts, then its own entries (image-spec
 * "Applying Changesets"). A whiteout hides only lower layers, so a file and its whiteout in the same
 * layer leave the file. Failed layers contribute nothing.
 */
public final class MergedFilesystem {

    private static final int MAX_SYMLINK_HOPS = 40;

    private final List<LayerResult> layers;
    private final List<Map<String, LayerFile>> byPath = new ArrayList<>();
    private final TreeMap<String, Integer> owner = new TreeMap<>();

    private MergedFilesystem(List<LayerResult> layers) {
        this.layers = List.copyOf(layers);
    }

    public static MergedFilesystem merge(List<LayerResult> layers) {
        MergedFilesystem fs = new MergedFilesystem(layers);
        for (int i = 0; i < layers.size(); i++) {
            LayerResult layer = layers.get(i);
            Map<String, LayerFile> files = new HashMap<>();
            layer.files().forEach(f -> files.put(f.path(), f));
            fs.byPath.add(files);
            if (layer.failed()) {
                continue;
            }
            layer.opaqueDirs().forEach(dir -> fs.removeTree(dir, false));
            layer.whiteouts().forEach(path -> fs.removeTree(path, true));
            for (LayerFile f : layer.files()) {
                fs.removeTree(f.path(), false);
                fs.owner.put(f.path(), i);
            }
        }
        return fs;
    }

    /** Paths present in the final view, in order, with the index of the layer that last wrote them. */
    public SortedMap<String, Integer> owners() {
        return Collections.unmodifiableSortedMap(owner);
    }

    public boolean exists(String path) {
        return owner.containsKey(path);
    }

    public Predicate<String> existsPredicate() {
        return this::exists;
    }

    /** The surviving copy of a path. */
    public Optional<LayerFile> file(String path) {
        Integer i = owner.get(path);
        return i == null ? Optional.empty() : Optional.of(byPath.get(i).get(path));
    }

    public LayerResult layer(int index) {
        return layers.get(index);
    }

    /**
     * Follows symlinks at {@code path} inside the image root (absolute targets start at the root,
     * {@code ..} stops at the root). Empty when the path is missing, dangles, or loops; a loop adds a warning.
     */
    public Optional<String> resolve(String path, List<String> warnings) {
        String current = path;
        for (int hop = 0; hop <= MAX_SYMLINK_HOPS; hop++) {
            Optional<LayerFile> f = file(current);
            if (f.isEmpty()) {
                return Optional.empty();
            }
            if (f.get().kind() != LayerEntryKind.SYMLINK) {
                return Optional.of(current);
            }
            String target = f.get().linkTarget();
            String joined = target.startsWith("/") ? target : LayerPaths.join(LayerPaths.parent(current), target);
            current = clampToRoot(joined);
        }
        warnings.add("symlink loop at /" + path + ": gave up after " + MAX_SYMLINK_HOPS + " links");
        return Optional.empty();
    }

    /**
     * The earliest layer in the unbroken chain below {@code top} whose copy of {@code path} still
     * satisfies {@code same}: stops at a layer that deletes the path or writes it differently.
     */
    public int earliestLayerWith(String path, int top, Predicate<LayerFile> same) {
        int earliest = top;
        for (int k = top; k > 0; k--) {
            if (deletesFromLower(layers.get(k), path)) {
                break;
            }
            int below = k - 1;
            if (layers.get(below).failed()) {
                continue;
            }
            LayerFile lower = byPath.get(below).get(path);
            if (lower == null) {
                continue;
            }
            if (!same.test(lower)) {
                break;
            }
            earliest = below;
        }
        return earliest;
    }

    private static boolean deletesFromLower(LayerResult layer, String path) {
        for (String w : layer.whiteouts()) {
            if (path.equals(w) || path.startsWith(w + "/")) {
                return true;
            }
        }
        for (String d : layer.opaqueDirs()) {
            if (d.isEmpty() || path.startsWith(d + "/")) {
                return true;
            }
        }
        return false;
    }

    private void removeTree(String path, boolean includingSelf) {
        if (path.isEmpty()) {
            owner.clear();
            return;
        }
        if (includingSelf) {
            owner.remove(path);
        }
        owner.subMap(path + "/", path + "/\uffff").clear();
    }

    private static String clampToRoot(String path) {
        List<String> parts = new ArrayList<>();
        for (String p : path.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.removeLast();
                }
            } else {
                parts.add(p);
            }
        }
        return String.join("/", parts);
    }
}
