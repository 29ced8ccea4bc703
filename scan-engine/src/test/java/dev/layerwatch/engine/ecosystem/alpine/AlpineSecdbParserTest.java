package dev.layerwatch.engine.ecosystem.alpine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerwatch.engine.advisory.Advisory;
import dev.layerwatch.engine.advisory.FeedReadResult;
import dev.layerwatch.engine.advisory.RangeEvent;
import dev.layerwatch.engine.advisory.TestResources;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlpineSecdbParserTest {

    private final AlpineSecdbParser parser = new AlpineSecdbParser();

    @Test
    void readsFixedVersionsPerPackageOnTheBranch() throws IOException {
        List<Advisory> seen = new ArrayList<>();
        FeedReadResult result = parser.read(TestResources.path("alpine-secdb/v3.18/main.json"), seen::add);
        assertThat(result.warnings()).isEmpty();
        Advisory busybox = seen.stream().filter(a -> a.id().equals("CVE-2022-28391")).findFirst().orElseThrow();
        assertThat(busybox.source()).isEqualTo("alpine-secdb");
        assertThat(busybox.scope()).isEqualTo("v3.18/main/busybox");
        assertThat(busybox.affected()).singleElement().satisfies(p -> {
            assertThat(p.ecosystem()).isEqualTo("Alpine:v3.18");
            assertThat(p.name()).isEqualTo("busybox");
            assertThat(p.ranges().get(0).events()).containsExactly(RangeEvent.introduced("0"), RangeEvent.fixed("1.35.0-r7"));
        });
        assertThat(seen).anyMatch(a -> a.id().equals("ALPINE-13661"));
    }

    @Test
    void idsUnderZeroBecomeNotAffectedMarksNotVersions() throws IOException {
        List<Advisory> seen = new ArrayList<>();
        parser.read(TestResources.path("alpine-secdb/v3.18/main.json"), seen::add);
        Advisory zero = seen.stream().filter(a -> a.id().equals("CVE-2021-42373") && a.scope().endsWith("/busybox"))
                .findFirst().orElseThrow();
        assertThat(zero.affected()).singleElement().satisfies(p -> {
            assertThat(p.isNotAffected()).isTrue();
            assertThat(p.ranges()).isEmpty();
        });
        assertThat(seen).flatMap(Advisory::affected).flatMap(p -> p.ranges()).allSatisfy(r -> assertThat(r.events())
                .noneMatch(e -> e.version().equals("0") && e.kind() == RangeEvent.Kind.FIXED));
    }

    @Test
    void packagesWithoutNameOrSecfixesAreWarningsAndTheRestIsRead() throws IOException {
        List<Advisory> seen = new ArrayList<>();
        FeedReadResult result = parser.read(TestResources.path("alpine-secdb/corrupt/missing-fields.json"), seen::add);
        assertThat(seen).extracting(Advisory::id).containsExactly("CVE-2018-25032");
        assertThat(result.warnings()).hasSize(2).allSatisfy(w -> assertThat(w.file()).endsWith("missing-fields.json"));
    }

    @Test
    void notJsonIsAWarning() throws IOException {
        FeedReadResult result = parser.read(new ByteArrayInputStream("{\"packages\": [".getBytes()), "main.json", a -> { });
        assertThat(result.advisories()).isZero();
        assertThat(result.warnings()).singleElement().satisfies(w -> assertThat(w.message()).contains("cannot parse Alpine secdb"));
    }
}
