package dev.layerwatch.engine.check.eol;

import java.time.LocalDate;

/**
 * One release line of one distribution, as a row of the lifecycle table.
 *
 * @param codename           e.g. {@code bookworm}; null when the distro has none
 * @param lts                Ubuntu's long-term-support flag; false elsewhere
 * @param latestPointRelease the last point release where known (a line that is closed), else null
 */
public record ReleaseCycle(String distro, String cycle, String codename, boolean lts, LocalDate releaseDate,
                           LocalDate eolDate, String latestPointRelease) {

    /** Support has ended on or before {@code today}. */
    public boolean endOfLifeOn(LocalDate today) {
        return !today.isBefore(eolDate);
    }

    public boolean releasedOn(LocalDate today) {
        return !releaseDate.isAfter(today);
    }
}
