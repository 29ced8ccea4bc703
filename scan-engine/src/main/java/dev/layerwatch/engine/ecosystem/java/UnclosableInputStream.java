package dev.layerwatch.engine.ecosystem.java;

import java.io.FilterInputStream;
import java.io.InputStream;

/** Keeps the caller's stream open when a zip stream over it is closed (to free its inflater). */
class UnclosableInputStream extends FilterInputStream {

    UnclosableInputStream(InputStream in) {
        super(in);
    }

    @Override
    public void close() {
    }
}
