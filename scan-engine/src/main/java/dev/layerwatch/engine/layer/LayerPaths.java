package dev.layerwatch.engine.layer;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Cleans tar entry names into paths relative to the image root ({@code usr/lib/os-release}), the
 * only form the rest of the engine sees. Lexical only: symlinks are never followed here.
 */
public final class LayerPaths {

    /** The outcome: the cleaned path ("" for the root), or null when refused; {@code note} says what was odd. */
    public record Cleaned(String path, String note) {
        public boolean refused() {
            return path == null;
        }
    }

    private LayerPaths() {
    }

    public static Cleaned clean(String raw) {
        if (raw == null || raw.isEmpty()) {
            return new Cleaned(null, "empty entry name");
        }
        if (raw.indexOf('\0') >= 0) {
            return new Cleaned(null, "entry name contains a NUL byte");
        }
        String note = null;
        // umoci writes the image root itself as an entry named "/": nothing odd about that one
        if (raw.startsWith("/") && !raw.chars().allMatch(c -> c == '/' || c == '.')) {
            note = "absolute path '" + raw + "' taken relative to the image root";
        }
        Deque<String> parts = new ArrayDeque<>();
        boolean dotDot = false;
        for (String part : raw.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                dotDot = true;
                if (parts.isEmpty()) {
                    return new Cleaned(null, "path '" + raw + "' escapes the image root");
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        if (dotDot && note == null) {
            note = "path '" + raw + "' contains '..'";
        }
        return new Cleaned(String.join("/", parts), note);
    }

    /** The parent directory of a cleaned path ("" for top-level entries). */
    public static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** Joins a cleaned directory and a name. */
    public static String join(String dir, String name) {
        return dir.isEmpty() ? name : dir + "/" + name;
    }
}
