package dev.layerwatch.engine.analysis;

import dev.layerwatch.common.finding.ConfigFinding;
import java.util.List;
import java.util.function.Consumer;

/** One image-level check (config settings, package manager left in, end-of-life base). Never throws on odd input. */
public interface ImageCheck {

    /** Short stable name, for warnings about the check itself ({@code config}, {@code package-manager}). */
    String name();

    /** The findings; what the check could not judge goes to {@code warnings}. */
    List<ConfigFinding> check(ImageFacts facts, Consumer<String> warnings);

    /** A check from a name and its body. */
    static ImageCheck of(String name, Body body) {
        return new ImageCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<ConfigFinding> check(ImageFacts facts, Consumer<String> warnings) {
                return body.check(facts, warnings);
            }

            @Override
            public String toString() {
                return "ImageCheck[" + name + "]";
            }
        };
    }

    /** What a check does, as a lambda. */
    @FunctionalInterface
    interface Body {
        List<ConfigFinding> check(ImageFacts facts, Consumer<String> warnings);
    }
}
