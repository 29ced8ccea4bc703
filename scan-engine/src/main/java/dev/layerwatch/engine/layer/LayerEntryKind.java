package dev.layerwatch.engine.layer;

/** What a tar entry is, as far as the analysis cares. */
public enum LayerEntryKind {
    FILE, DIRECTORY, SYMLINK, HARDLINK, OTHER
}
