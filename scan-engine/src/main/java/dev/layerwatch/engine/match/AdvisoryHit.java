package dev.layerwatch.engine.match;

import dev.layerwatch.engine.advisory.Advisory;
import java.util.List;

/** One advisory that affects one package, with the fixes that apply and the severity chosen for it. */
record AdvisoryHit(Advisory advisory, String sourceLabel, List<String> fixedVersions, SeverityChoice severity) {
}
