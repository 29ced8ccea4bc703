package dev.layerwatch.engine.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedLineReaderTest {

    private static List<String> lines(BoundedLineReader reader) throws IOException {
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null) {
            lines.add(line);
        }
        return lines;
    }

    @Test
    void splitsOnEveryLineEndLikeBufferedReader() throws IOException {
        assertThat(lines(new BoundedLineReader(new StringReader("a\nb\r\nc\rd\n\ne"), 10)))
                .containsExactly("a", "b", "c", "d", "", "e");
        assertThat(lines(new BoundedLineReader(new StringReader("a\n"), 10))).containsExactly("a");
        assertThat(lines(new BoundedLineReader(new StringReader(""), 10))).isEmpty();
        assertThat(lines(new BoundedLineReader(new StringReader("\r\n\r\n"), 10))).containsExactly("", "");
    }

    @Test
    void cutsALongLineAndReadsOnAfterIt() throws IOException {
        String longLine = "x".repeat(100_000);
        BoundedLineReader reader = new BoundedLineReader(new StringReader("a\n" + longLine + "\nb\n"), 1000);

        assertThat(reader.readLine()).isEqualTo("a");
        assertThat(reader.lastLineTruncated()).isFalse();
        assertThat(reader.readLine()).hasSize(1000);
        assertThat(reader.lastLineTruncated()).isTrue();
        assertThat(reader.lineNumber()).isEqualTo(2);
        assertThat(reader.readLine()).isEqualTo("b");
        assertThat(reader.lastLineTruncated()).isFalse();
        assertThat(reader.truncatedLines()).isEqualTo(1);
        assertThat(reader.readLine()).isNull();
    }

    @Test
    void replacesMalformedUtf8() throws IOException {
        byte[] bytes = {'a', (byte) 0xff, 'b', '\n'};
        assertThat(lines(BoundedLineReader.utf8(new ByteArrayInputStream(bytes)))).containsExactly("a\uFFFDb");
        assertThat(lines(BoundedLineReader.utf8(new ByteArrayInputStream("é\n".getBytes(StandardCharsets.UTF_8)))))
                .containsExactly("é");
    }

    @Test
    void fileWarningsKeepTheFirstAndCountTheRest() {
        FileWarnings warnings = new FileWarnings("/f", 2);
        for (int i = 1; i <= 5; i++) {
            warnings.add("w" + i);
        }
        assertThat(warnings.count()).isEqualTo(5);
        assertThat(warnings.toList()).containsExactly("/f: w1", "/f: w2", "/f: 3 more warnings (5 in all) not kept");
    }
}
