package dev.layerwatch.engine.check.eol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerwatch.common.finding.ConfigFinding;
import dev.layerwatch.common.finding.Severity;
import dev.layerwatch.engine.inventory.OsRelease;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OsLifecycleTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private final OsLifecycle table = OsLifecycle.bundled();

    @ParameterizedTest(name = "{0} {1} on 2026-11-22 -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            alpine    | 3.18.4  | LW-OS-EOL
            alpine    | 3.21.3  | LW-OS-EOL
            alpine    | 3.22.1  | LW-OS-OUTDATED
            alpine    | 3.24.0  | ''
            debian    | 11      | LW-OS-EOL
            debian    | 12      | LW-OS-OUTDATED
            debian    | 13      | ''
            ubuntu    | 20.04   | LW-OS-EOL
            ubuntu    | 22.04   | LW-OS-OUTDATED
            ubuntu    | 24.04   | LW-OS-OUTDATED
            ubuntu    | 25.10   | LW-OS-EOL
            ubuntu    | 26.04   | ''
            rhel      | 7.9     | LW-OS-EOL
            rhel      | 9.3     | LW-OS-OUTDATED
            rocky     | 8.9     | LW-OS-OUTDATED
            almalinux | 10.0    | ''
            amzn      | 2018.03 | LW-OS-EOL
            amzn      | 2       | LW-OS-EOL
            amzn      | 2023    | ''
            """)
    void classifiesReleasesOnAPinnedDay(String id, String versionId, String expectedIds) {
        List<ConfigFinding> findings = table.check(new OsRelease(id, versionId, null, null), TODAY);
        Set<String> expected = expectedIds.isEmpty() ? Set.of() : Set.of(expectedIds.split(","));
        assertThat(findings.stream().map(ConfigFinding::id).collect(Collectors.toSet())).isEqualTo(expected);
    }

    @Test
    void eolFindingIsHighAndNamesDateAndSuccessor() {
        ConfigFinding f = table.check(new OsRelease("debian", "10", "buster", null), TODAY).getFirst();
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.detail()).contains("2024-06-30").contains("debian 13");
        assertThat(f.title()).contains("buster");
    }

    @Test
    void lookupGivesStatusAndNewestLine() {
        LifecycleStatus s = table.lookup(new OsRelease("alpine", "3.22.1", null, null), TODAY).orElseThrow();
        assertThat(s.cycle().cycle()).isEqualTo("3.22");
        assertThat(s.eol()).isFalse();
        assertThat(s.eolDate()).isEqualTo(LocalDate.of(2027, 5, 1));
        assertThat(s.newestCycle()).isEqualTo("3.24");
        assertThat(s.newerCycleAvailable()).isTrue();
    }

    @Test
    void ubuntuLtsIsComparedWithLtsLinesOnly() {
        LocalDate beforeNextLts = LocalDate.of(2026, 1, 10); // 25.10 is out, 26.04 is not yet
        LifecycleStatus lts = table.lookup(new OsRelease("ubuntu", "24.04", "noble", null), beforeNextLts).orElseThrow();
        assertThat(lts.newestCycle()).isEqualTo("24.04");
        LifecycleStatus interim = table.lookup(new OsRelease("ubuntu", "25.04", "plucky", null), beforeNextLts).orElseThrow();
        assertThat(interim.newestCycle()).isEqualTo("25.10");
    }

    @Test
    void warnsNinetyDaysBeforeEndOfLife() {
        List<ConfigFinding> findings = table.check(new OsRelease("alpine", "3.22.4", null, null), LocalDate.of(2027, 2, 15));
        assertThat(findings).extracting(ConfigFinding::id).containsExactly("LW-OS-EOL-SOON", "LW-OS-OUTDATED");
        assertThat(findings.getFirst().severity()).isEqualTo(Severity.MEDIUM);
        assertThat(findings.getFirst().detail()).contains("in 75 days");
        assertThat(table.check(new OsRelease("alpine", "3.22.4", null, null), LocalDate.of(2027, 1, 30)))
                .extracting(ConfigFinding::id).containsExactly("LW-OS-OUTDATED");
    }

    @Test
    void theEolDateItselfIsEndOfLife() {
        OsRelease bookworm = new OsRelease("debian", "12", null, null);
        assertThat(table.lookup(bookworm, LocalDate.of(2028, 6, 29)).orElseThrow().eol()).isFalse();
        assertThat(table.lookup(bookworm, LocalDate.of(2028, 6, 30)).orElseThrow().eol()).isTrue();
    }

    @Test
    void unknownDistrosAndUnnumberedReleasesAreNotJudged() {
        assertThat(table.lookup(new OsRelease("arch", "20261101", null, null), TODAY)).isEmpty();
        assertThat(table.lookup(new OsRelease("alpine", "3.25_alpha20261001", null, null), TODAY)).isEmpty();
        assertThat(table.lookup(new OsRelease("debian", null, "forky", null), TODAY)).isEmpty();
        assertThat(table.lookup(new OsRelease("debian", "6", null, null), TODAY)).isEmpty();
        assertThat(table.check(new OsRelease("wolfi", "20230201", null, null), TODAY)).isEmpty();
    }

    @Test
    void bundledTableCoversTheRequiredReleaseLinesAndIsConsistent() {
        assertThat(table.warnings()).isEmpty();
        Set<String> keys = table.cycles().stream().map(c -> c.distro() + " " + c.cycle()).collect(Collectors.toSet());
        assertThat(keys).contains("alpine 3.18", "alpine 3.23", "debian 8", "debian 13", "ubuntu 22.04", "ubuntu 25.10",
                "rhel 7", "rhel 10", "rocky 9", "almalinux 10", "amzn 1", "amzn 2", "amzn 2023");
        assertThat(table.cycles()).allSatisfy(c -> assertThat(c.eolDate()).isAfter(c.releaseDate()));
        assertThat(table.cycles().stream().map(c -> c.distro() + " " + c.cycle())).doesNotHaveDuplicates();
    }

    @Test
    void corruptRowsAreSkippedWithWarningsNamingTheLine() throws IOException {
        String csv;
        try (InputStream in = getClass().getResourceAsStream("/check/eol/corrupt-table.csv")) {
            csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        OsLifecycle parsed = OsLifecycle.parse(csv, "corrupt-table.csv");
        assertThat(parsed.cycles()).extracting(c -> c.distro() + " " + c.cycle()).containsExactly("alpine 3.18", "debian 13");
        assertThat(parsed.warnings()).hasSize(3)
                .anySatisfy(w -> assertThat(w).contains("line 3").contains("7 fields"))
                .anySatisfy(w -> assertThat(w).contains("line 4").contains("invalid date"))
                .anySatisfy(w -> assertThat(w).contains("line 5"));
    }
}
