package dev.layerwatch.engine.ecosystem.debian;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerwatch.engine.advisory.AffectedPackage;
import dev.layerwatch.engine.advisory.Advisory;
import dev.layerwatch.engine.advisory.FeedReadResult;
import dev.layerwatch.engine.advisory.RangeEvent;
import dev.layerwatch.engine.advisory.TestResources;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DebianTrackerParserTest {

    private final DebianTrackerParser parser = new DebianTrackerParser(DebianReleases.defaults());

    private List<Advisory> readSample() throws IOException {
        List<Advisory> seen = new ArrayList<>();
        parser.read(TestResources.path("debian-tracker/sample/sample.json"), seen::add);
        return seen;
    }

    private static AffectedPackage entry(Advisory a, String ecosystem) {
        return a.affected().stream().filter(p -> p.ecosystem().equals(ecosystem)).findFirst().orElse(null);
    }

    @Test
    void resolvedBecomesAFixedRangePerReleaseWithItsUrgency() throws IOException {
        Advisory sope = readSample().stream().filter(a -> a.id().equals("CVE-2025-53603")).findFirst().orElseThrow();
        assertThat(sope.source()).isEqualTo("debian-tracker");
        assertThat(sope.scope()).isEqualTo("sope");
        AffectedPackage bookworm = entry(sope, "Debian:12");
        assertThat(bookworm.name()).isEqualTo("sope");
        assertThat(bookworm.ranges().get(0).events()).containsExactly(RangeEvent.introduced("0"), RangeEvent.fixed("5.8.0-1+deb12u1"));
        assertThat(entry(sope, "Debian:11").ranges().get(0).events()).contains(RangeEvent.fixed("5.0.1-2+deb11u1"));
    }

    @Test
    void openIsAffectedWithoutFixAndFixedZeroIsNeverAffected() throws IOException {
        List<Advisory> all = readSample();
        Advisory chromium = all.stream().filter(a -> a.id().equals("CVE-2022-0456")).findFirst().orElseThrow();
        AffectedPackage buster = entry(chromium, "Debian:10");
        assertThat(buster.ranges().get(0).events()).containsExactly(RangeEvent.introduced("0"));
        assertThat(buster.severity()).isEqualTo("end-of-life");
        assertThat(buster.databaseSpecific().path("status").asString()).isEqualTo("open");
        Advisory neverAffected = all.stream().filter(a -> a.id().equals("CVE-2007-2383")).findFirst().orElseThrow();
        assertThat(neverAffected.affected()).isNotEmpty().allSatisfy(p -> assertThat(p.isNotAffected()).isTrue());
        assertThat(all).noneMatch(a -> a.id().equals("CVE-2022-0358"));
    }

    @Test
    void releaseMappingCanBeOverridden() throws IOException {
        DebianTrackerParser custom = new DebianTrackerParser(DebianReleases.withOverrides(Map.of("bookworm", "twelve")));
        List<Advisory> seen = new ArrayList<>();
        custom.read(TestResources.path("debian-tracker/sample/sample.json"), seen::add);
        assertThat(seen).flatMap(Advisory::affected).extracting(AffectedPackage::ecosystem).contains("Debian:twelve").doesNotContain("Debian:12");
    }

    @Test
    void truncatedFileKeepsWhatWasReadAndWarns() throws IOException {
        List<Advisory> seen = new ArrayList<>();
        FeedReadResult result = parser.read(TestResources.path("debian-tracker/corrupt/truncated.json"), seen::add);
        assertThat(seen).isNotEmpty();
        assertThat(result.warnings()).anySatisfy(w -> {
            assertThat(w.file()).endsWith("truncated.json");
            assertThat(w.message()).contains("cannot parse Debian tracker JSON");
        });
    }
}
