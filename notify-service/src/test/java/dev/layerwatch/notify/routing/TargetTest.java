package dev.layerwatch.notify.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TargetTest {

    @Test
    void idRoundTrips() {
        Target t = new Target(ChannelKind.SLACK, "C0123:x");
        assertThat(Target.parse(t.id())).isEqualTo(t);
    }

    @Test
    void malformedIdsAreRejectedWithTheirText() {
        assertThatThrownBy(() -> Target.parse("slack")).hasMessageContaining("'slack'");
        assertThatThrownBy(() -> Target.parse("pager:x")).hasMessageContaining("unknown notification channel 'pager'");
    }
}
