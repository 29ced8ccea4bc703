package dev.layerwatch.engine.check.eol;

import dev.layerwatch.common.finding.ConfigFinding;
import dev.layerwatch.common.finding.Severity;
import dev.layerwatch.engine.inventory.OsRelease;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * End-of-life and out-of-date checks for an image's OS release, from the lifecycle table. Findings: end of
 * life ({@value #EOL}, HIGH); end of life within {@value #SOON_DAYS} days ({@value #EOL_SOON}, MEDIUM); a newer
 * release line exists ({@value #OUTDATED}, LOW).
 */
public final class OsLifecycle {

    public static final String EOL = "LW-OS-EOL";
    public static final String EOL_SOON = "LW-OS-EOL-SOON";
    public static final String OUTDATED = "LW-OS-OUTDATED";
    static final int SOON_DAYS = 90;

    private static final String RESOURCE = "/eol/os-lifecycle.csv";
    private static final Pattern MAJOR_MINOR = Pattern.compile("^(\\d+)\\.(\\d+)");
    private static final Pattern MAJOR = Pattern.compile("^(\\d+)");
    private static final Pattern AMAZON_LINUX_1 = Pattern.compile("^20\\d\\d\\.\\d\\d$");

    private final List<ReleaseCycle> cycles;
    private final List<String> warnings;

    private OsLifecycle(List<ReleaseCycle> cycles, List<String> warnings) {
        this.cycles = List.copyOf(cycles);
        this.warnings = List.copyOf(warnings);
    }

    /** The table shipped with the engine, read once. */
    public static OsLifecycle bundled() {
        return Bundled.TABLE;
    }

    private static final class Bundled {
        static final OsLifecycle TABLE = load();
    }

    private static OsLifecycle load() {
        try (InputStream in = OsLifecycle.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("OS lifecycle table " + RESOURCE + " is missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read OS lifecycle table " + RESOURCE, e);
        }
    }

    /** Reads a table in the bundled format; a malformed row is skipped with a warning naming its line. */
    public static OsLifecycle parse(String csv, String source) {
        List<ReleaseCycle> cycles = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        int lineNumber = 0;
        for (String line : csv.lines().toList()) {
            lineNumber++;
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#") || l.startsWith("distro,")) {
                continue;
            }
            String[] f = l.split(",", -1);
            if (f.length != 7 || f[0].isBlank() || f[1].isBlank()) {
                warnings.add(source + " line " + lineNumber + ": expected 7 fields distro,cycle,codename,lts,release,eol,latest; row skipped");
                continue;
            }
            try {
                cycles.add(new ReleaseCycle(f[0].strip(), f[1].strip(), blankToNull(f[2]), f[3].strip().equals("true"),
                        LocalDate.parse(f[4].strip()), LocalDate.parse(f[5].strip()), blankToNull(f[6])));
            } catch (DateTimeParseException e) {
                warnings.add(source + " line " + lineNumber + ": invalid date '" + e.getParsedString() + "' (expected YYYY-MM-DD); row skipped");
            }
        }
        return new OsLifecycle(cycles, warnings);
    }

    public List<ReleaseCycle> cycles() {
        return cycles;
    }

    public List<String> warnings() {
        return warnings;
    }

    /** The image's release line and its status on {@code today}; empty for distros or versions not in the table. */
    public Optional<LifecycleStatus> lookup(OsRelease os, LocalDate today) {
        String distro = os.id().strip().toLowerCase(Locale.ROOT);
        String cycleName = cycleOf(distro, os.versionId());
        if (cycleName == null) {
            return Optional.empty();
        }
        Optional<ReleaseCycle> match = cycles.stream()
                .filter(c -> c.distro().equals(distro) && c.cycle().equals(cycleName))
                .findFirst();
        return match.map(c -> new LifecycleStatus(c, c.endOfLifeOn(today), c.eolDate(), newest(c, today)));
    }

    public List<ConfigFinding> check(OsRelease os, LocalDate today) {
        Optional<LifecycleStatus> found = lookup(os, today);
        if (found.isEmpty()) {
            return List.of();
        }
        LifecycleStatus s = found.get();
        String name = displayName(os, s.cycle());
        if (s.eol()) {
            return List.of(new ConfigFinding(EOL, Severity.HIGH, "End-of-life OS: " + name,
                    name + " reached end of life on " + s.eolDate() + " and gets no more security updates; "
                            + "rebuild on " + s.cycle().distro() + " " + s.newestCycle() + "."));
        }
        List<ConfigFinding> findings = new ArrayList<>();
        long daysLeft = ChronoUnit.DAYS.between(today, s.eolDate());
        if (daysLeft <= SOON_DAYS) {
            findings.add(new ConfigFinding(EOL_SOON, Severity.MEDIUM, "OS reaches end of life soon: " + name,
                    name + " reaches end of life on " + s.eolDate() + " (in " + daysLeft + " days); plan the move to "
                            + s.cycle().distro() + " " + s.newestCycle() + "."));
        }
        if (s.newerCycleAvailable()) {
            findings.add(new ConfigFinding(OUTDATED, Severity.LOW, "Out-of-date base: " + name,
                    "A newer release line, " + s.cycle().distro() + " " + s.newestCycle() + ", is available; " + name
                            + " is supported until " + s.eolDate() + "."));
        }
        return findings;
    }

    private String newest(ReleaseCycle image, LocalDate today) {
        return cycles.stream()
                .filter(c -> c.distro().equals(image.distro()) && c.releasedOn(today))
                .filter(c -> !image.lts() || c.lts())
                .max(Comparator.comparing(ReleaseCycle::releaseDate))
                .map(ReleaseCycle::cycle)
                .orElse(image.cycle());
    }

    /** Maps an os-release VERSION_ID to the table's release line, or null when it names none (edge, sid). */
    static String cycleOf(String distro, String versionId) {
        if (versionId == null || versionId.isBlank()) {
            return null;
        }
        String v = versionId.strip();
        return switch (distro) {
            case "alpine", "ubuntu" -> v.contains("_") ? null : group(MAJOR_MINOR, v, true);
            case "amzn" -> AMAZON_LINUX_1.matcher(v).matches() ? "1" : group(MAJOR, v, false);
            default -> group(MAJOR, v, false);
        };
    }

    private static String group(Pattern p, String v, boolean majorMinor) {
        Matcher m = p.matcher(v);
        if (!m.find()) {
            return null;
        }
        return majorMinor ? m.group(1) + "." + m.group(2) : m.group(1);
    }

    private static String displayName(OsRelease os, ReleaseCycle c) {
        String codename = c.codename() == null ? "" : " (" + c.codename() + ")";
        return c.distro() + " " + (os.versionId() == null ? c.cycle() : os.versionId().strip()) + codename;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
