package dev.layerwatch.engine.analysis;

import dev.layerwatch.common.finding.ConfigFinding;
import java.util.List;
import java.util.function.Consumer;

/** One image-level check (config settings, package manager left in, end-of-life base). Never throws on odd input. */
@FunctionalInterface
public interface ImageCheck {

    /** The findings; what the check could not judge goes to {@code warnings}. */
    List<ConfigFinding> check(ImageFacts facts, Consumer<String> warnings);
}
