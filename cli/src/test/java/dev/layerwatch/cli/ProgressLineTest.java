package dev.layerwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerwatch.common.image.Digest;
import dev.layerwatch.common.image.Platform;
import dev.layerwatch.engine.image.LayerDescriptor;
import dev.layerwatch.engine.image.PlatformImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

    @Test
    void rewritesOneLineAndClearsIt() {
        StringWriter text = new StringWriter();
        ProgressLine line = new ProgressLine(new PrintWriter(text));
        LayerDescriptor layer = new LayerDescriptor(Digest.parse("sha256:" + "0123456789ab".repeat(5) + "cdef"),
                "application/vnd.oci.image.layer.v1.tar+gzip", 10L << 20, List.of());
        PlatformImage image = new PlatformImage(null, null, null, Platform.parse("linux/arm64"), null, new byte[0], List.of(layer));
        line.layerStarted(image, 1, 3, layer);
        line.layerProgress(5L << 20);
        String shown = text.toString();
        assertThat(shown).startsWith("\rlinux/arm64 layer 2/3 0123456789ab").contains("5.0 MiB / 10.0 MiB").doesNotContain("\n");
        line.clear();
        assertThat(text.toString()).endsWith("\r").doesNotContain("\n");
    }
}
