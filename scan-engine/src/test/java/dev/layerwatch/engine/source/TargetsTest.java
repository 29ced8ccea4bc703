package dev.layerwatch.engine.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TargetsTest {

    @Test
    void parsesEveryTargetKind() {
        assertThat(Targets.parse("registry:127.0.0.1:5000/app/web:1.0")).isEqualTo(
                new Target.Registry(dev.layerwatch.common.image.ImageReference.parse("127.0.0.1:5000/app/web:1.0")));
        assertThat(Targets.parse("alpine:3.20").describe()).isEqualTo("docker.io/library/alpine:3.20");
        assertThat(Targets.parse("localhost:5000/x@sha256:" + "a".repeat(64))).isInstanceOf(Target.Registry.class);
        assertThat(Targets.parse("oci-layout:/tmp/does-not-exist/layout:v2")).isEqualTo(new Target.OciLayout(Path.of("/tmp/does-not-exist/layout"), "v2"));
        assertThat(Targets.parse("oci-layout:/tmp/layout")).isEqualTo(new Target.OciLayout(Path.of("/tmp/layout"), null));
        assertThat(Targets.parse("docker-archive:/tmp/app.tar")).isEqualTo(new Target.DockerArchive(Path.of("/tmp/app.tar")));
        assertThat(Targets.parse("dir:/srv/rootfs")).isEqualTo(new Target.Directory(Path.of("/srv/rootfs")));
    }

    @Test
    void badTargetsNameTheProblem() {
        assertThatThrownBy(() -> Targets.parse("")).hasMessageContaining("no target given");
        assertThatThrownBy(() -> Targets.parse("dir:")).hasMessageContaining("nothing after 'dir:'");
        assertThatThrownBy(() -> Targets.parse("registry:Not A Ref")).hasMessageContaining("invalid target 'registry:Not A Ref'");
        assertThatThrownBy(() -> Targets.parse("docker-archiv:/tmp/x.tar")).hasMessageContaining("invalid target");
    }
}
