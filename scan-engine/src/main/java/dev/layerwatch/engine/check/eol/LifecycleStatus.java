package dev.layerwatch.engine.check.eol;

import java.time.LocalDate;

/**
 * Where an image's OS release stands on a given day.
 *
 * @param cycle       the image's release line
 * @param eol         whether free security support has ended
 * @param eolDate     the day it ends (or ended)
 * @param newestCycle the newest release line of the same distro released by that day (for an Ubuntu LTS image:
 *                    the newest LTS line); equal to {@code cycle.cycle()} when the image is on it
 */
public record LifecycleStatus(ReleaseCycle cycle, boolean eol, LocalDate eolDate, String newestCycle) {

    public boolean newerCycleAvailable() {
        return !newestCycle.equals(cycle.cycle());
    }
}
