package dev.layerwatch.engine.layerscan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SharedFileContentTest {

    private static byte[] file(int size) {
        byte[] bytes = new byte[size];
        new Random(7).nextBytes(bytes);
        return bytes;
    }

    @Test
    void everyReaderSeesTheWholeFileFromItsStart() throws IOException {
        byte[] bytes = file(300_000);
        ByteArrayInputStream source = new ByteArrayInputStream(bytes);
        SharedFileContent shared = new SharedFileContent(source, bytes.length);
        byte[] sniffed = shared.reader(false).readNBytes(4);
        assertThat(sniffed).containsExactly(bytes[0], bytes[1], bytes[2], bytes[3]);
        assertThat(shared.reader(false).readAllBytes()).isEqualTo(bytes);
        InputStream last = shared.reader(true);
        assertThat(last.read()).isEqualTo(bytes[0] & 0xff);
        assertThat(last.readAllBytes()).hasSize(bytes.length - 1);
        assertThat(source.available()).isZero();
    }

    @Test
    void onlyWhatAnEarlierReaderReadIsKept() throws IOException {
        byte[] bytes = file(1 << 20);
        ByteArrayInputStream source = new ByteArrayInputStream(bytes);
        SharedFileContent shared = new SharedFileContent(source, bytes.length);
        shared.reader(false).readNBytes(8000);
        assertThat(shared.keptBytes()).isEqualTo(8000);
        assertThat(shared.reader(true).readAllBytes()).isEqualTo(bytes);
        assertThat(shared.keptBytes()).as("the last reader streams on without keeping").isEqualTo(8000);
    }

    @Test
    void aSmallFileIsNotPaddedToTheReadSize() throws IOException {
        byte[] bytes = file(100);
        SharedFileContent shared = new SharedFileContent(new ByteArrayInputStream(bytes), bytes.length);
        byte[] head = new byte[32 << 10];
        assertThat(shared.reader(false).readNBytes(head, 0, head.length)).isEqualTo(100);
        assertThat(shared.keptBytes()).isEqualTo(100);
        assertThat(shared.reader(true).readAllBytes()).isEqualTo(bytes);
    }

    @Test
    void aStreamLongerThanItsStatedSizeIsStillReplayedWhole() throws IOException {
        byte[] bytes = file(50_000);
        SharedFileContent shared = new SharedFileContent(new ByteArrayInputStream(bytes), 10);
        assertThat(shared.reader(false).readAllBytes()).isEqualTo(bytes);
        assertThat(shared.reader(true).readAllBytes()).isEqualTo(bytes);
    }
}
