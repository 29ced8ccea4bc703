package dev.layerwatch.ingest.intake;

import java.util.Map;

/**
 * What a delivery amounted to, returned to the sender as the 202 body.
 *
 * @param published  events the broker acknowledged
 * @param duplicates events whose sender id was already published
 * @param ignored    dropped events by reason tag
 */
public record IntakeResult(int published, int duplicates, Map<String, Integer> ignored) {

    public IntakeResult {
        ignored = Map.copyOf(ignored);
    }
}
