package dev.layerwatch.engine.layer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Records what a layer walk reported; reads the files {@code wanted} selects. */
final class RecordingVisitor implements LayerEntryVisitor {

    final Map<String, LayerEntryKind> entries = new LinkedHashMap<>();
    final Map<String, String> links = new LinkedHashMap<>();
    final Map<String, String> read = new LinkedHashMap<>();
    final List<String> whiteouts = new ArrayList<>();
    final List<String> opaque = new ArrayList<>();
    private final Predicate<FileMeta> wanted;

    RecordingVisitor(Predicate<FileMeta> wanted) {
        this.wanted = wanted;
    }

    @Override
    public void entry(String path, LayerEntryKind kind, String linkTarget) {
        entries.put(path, kind);
        if (linkTarget != null) {
            links.put(path, linkTarget);
        }
    }

    @Override
    public boolean wants(FileMeta file) {
        return wanted.test(file);
    }

    @Override
    public void read(FileMeta file, InputStream content) throws IOException {
        read.put(file.path(), new String(content.readAllBytes(), StandardCharsets.UTF_8));
        content.close();
    }

    @Override
    public void whiteout(String path) {
        whiteouts.add(path);
    }

    @Override
    public void opaque(String dir) {
        opaque.add(dir);
    }
}
