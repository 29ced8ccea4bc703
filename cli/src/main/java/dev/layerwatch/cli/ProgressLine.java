package dev.layerwatch.cli;

import dev.layerwatch.engine.analysis.AnalysisListener;
import dev.layerwatch.engine.image.LayerDescriptor;
import dev.layerwatch.engine.image.PlatformImage;
import java.io.PrintWriter;
import java.util.Locale;

/** A single, rewritten status line on stderr while layers are read: which layer, how far. Only used on a terminal. */
final class ProgressLine implements AnalysisListener {

    private static final long MIN_INTERVAL_NANOS = 200_000_000L;

    private final PrintWriter err;
    private String prefix = "";
    private long size;
    private long lastPrint;
    private int width;

    ProgressLine(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void layerStarted(PlatformImage image, int index, int count, LayerDescriptor layer) {
        String platform = image.platform() == null ? "" : image.platform() + " ";
        prefix = platform + "layer " + (index + 1) + "/" + count + " " + layer.digest().shortHex();
        size = layer.size();
        print(prefix);
    }

    @Override
    public void layerProgress(long bytesRead) {
        long now = System.nanoTime();
        if (now - lastPrint < MIN_INTERVAL_NANOS) {
            return;
        }
        lastPrint = now;
        String amount = size > 0 ? String.format(Locale.ROOT, "%s / %s", mib(bytesRead), mib(size)) : mib(bytesRead);
        print(prefix + "  " + amount);
    }

    void clear() {
        if (width > 0) {
            err.print("\r" + " ".repeat(width) + "\r");
            err.flush();
            width = 0;
        }
    }

    private void print(String line) {
        String padded = line.length() < width ? line + " ".repeat(width - line.length()) : line;
        err.print("\r" + padded);
        err.flush();
        width = Math.max(width, line.length());
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }
}
