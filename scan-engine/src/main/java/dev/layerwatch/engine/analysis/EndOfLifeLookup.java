package dev.layerwatch.engine.analysis;

import dev.layerwatch.engine.inventory.OsRelease;
import java.time.LocalDate;
import java.util.Optional;

/** When a distribution release stops getting security updates; empty when the release is unknown. */
@FunctionalInterface
public interface EndOfLifeLookup {

    Optional<LocalDate> endOfLife(OsRelease os);

    EndOfLifeLookup UNKNOWN = os -> Optional.empty();
}
