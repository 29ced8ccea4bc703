package dev.layerwatch.engine.analysis;

import dev.layerwatch.common.finding.ConfigFinding;
import java.util.List;

/** One image-level check (config settings, package manager left in, end-of-life base). Never throws on odd input. */
@FunctionalInterface
public interface ImageCheck {
    List<ConfigFinding> check(ImageFacts facts);
}
