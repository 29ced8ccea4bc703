package dev.layerwatch.engine.ecosystem.golang;

import java.util.ArrayList;
import java.util.List;

/**
 * The module info text of a Go binary (what {@code go version -m} prints): {@code mod} is the main
 * module, each {@code dep} a dependency, and a {@code =>} line replaces the module line before it. A
 * replacement by another module takes that module's path and version; a replacement by a local
 * directory keeps the required path with version {@code (devel)}, as the code is whatever that directory held.
 */
final class GoModInfoParser {

    static final String DEVEL = "(devel)";

    record Module(String path, String version) {
    }

    record Modules(Module main, List<Module> dependencies) {
    }

    private GoModInfoParser() {
    }

    static Modules parse(String modInfo) {
        Module main = null;
        List<Module> dependencies = new ArrayList<>();
        boolean lastWasMain = false;
        for (String line : modInfo.split("\n")) {
            String[] f = line.split("\t", -1);
            switch (f[0]) {
                case "mod" -> {
                    if (f.length >= 3) {
                        main = new Module(f[1], f[2].isEmpty() ? DEVEL : f[2]);
                        lastWasMain = true;
                    }
                }
                case "dep" -> {
                    if (f.length >= 3 && !f[1].isEmpty()) {
                        dependencies.add(new Module(f[1], f[2].isEmpty() ? DEVEL : f[2]));
                        lastWasMain = false;
                    }
                }
                case "=>" -> {
                    if (f.length >= 3) {
                        if (lastWasMain && main != null) {
                            main = replaced(main, f[1], f[2]);
                        } else if (!dependencies.isEmpty()) {
                            int last = dependencies.size() - 1;
                            dependencies.set(last, replaced(dependencies.get(last), f[1], f[2]));
                        }
                    }
                }
                default -> {
                }
            }
        }
        return new Modules(main, dependencies);
    }

    private static Module replaced(Module original, String path, String version) {
        boolean local = path.startsWith("./") || path.startsWith("../") || path.startsWith("/")
                || version.isEmpty() || version.equals(DEVEL);
        return local ? new Module(original.path(), DEVEL) : new Module(path, version);
    }
}
