package dev.layerwatch.engine.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text lines of a layer file with a cap on how much of one line is kept: {@link java.io.BufferedReader#readLine}
 * builds a 300 MB string for a 300 MB line, this keeps the first {@code maxLineChars} characters and reads past
 * the rest. Line ends are {@code \n}, {@code \r} or {@code \r\n}, as for {@code BufferedReader}; malformed UTF-8
 * becomes U+FFFD. Callers see a cut line through {@link #lastLineTruncated()} and turn it into a warning.
 */
public final class BoundedLineReader {

    /** Longer than any line of a package database written by a package manager. */
    public static final int DEFAULT_MAX_LINE_CHARS = 64 * 1024;

    private final Reader in;
    private final int maxLineChars;
    private final char[] buffer = new char[8192];
    private final StringBuilder line = new StringBuilder();
    private int pos;
    private int len;
    private boolean eof;
    private boolean skipLineFeed;
    private long lineNumber;
    private boolean lastTruncated;
    private long truncatedLines;

    public BoundedLineReader(Reader in, int maxLineChars) {
        if (maxLineChars <= 0) {
            throw new IllegalArgumentException("maxLineChars must be positive");
        }
        this.in = in;
        this.maxLineChars = maxLineChars;
    }

    /** Lines of UTF-8 {@code content} (malformed bytes replaced), capped at {@link #DEFAULT_MAX_LINE_CHARS}. */
    public static BoundedLineReader utf8(InputStream content) {
        return utf8(content, DEFAULT_MAX_LINE_CHARS);
    }

    public static BoundedLineReader utf8(InputStream content, int maxLineChars) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new BoundedLineReader(new InputStreamReader(content, decoder), maxLineChars);
    }

    /** The next line without its terminator, at most {@code maxLineChars} long; null at the end of the input. */
    public String readLine() throws IOException {
        line.setLength(0);
        lastTruncated = false;
        boolean any = false;
        while (true) {
            if (pos >= len && !fill()) {
                if (!any) {
                    return null;
                }
                break;
            }
            if (skipLineFeed) {
                skipLineFeed = false;
                if (buffer[pos] == '\n') {
                    pos++;
                    continue;
                }
            }
            any = true;
            int start = pos;
            while (pos < len && buffer[pos] != '\n' && buffer[pos] != '\r') {
                pos++;
            }
            append(start, pos - start);
            if (pos < len) {
                skipLineFeed = buffer[pos] == '\r';
                pos++;
                break;
            }
        }
        lineNumber++;
        if (lastTruncated) {
            truncatedLines++;
        }
        return line.toString();
    }

    /** 1-based number of the line {@link #readLine()} returned last. */
    public long lineNumber() {
        return lineNumber;
    }

    /** Whether the line returned last was longer than the cap (and was cut). */
    public boolean lastLineTruncated() {
        return lastTruncated;
    }

    /** How many lines so far were cut. */
    public long truncatedLines() {
        return truncatedLines;
    }

    public int maxLineChars() {
        return maxLineChars;
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            eof = true;
            pos = len = 0;
            return false;
        }
        pos = 0;
        len = n;
        return true;
    }

    private void append(int start, int count) {
        int room = maxLineChars - line.length();
        if (count > room) {
            line.append(buffer, start, room);
            lastTruncated = true;
        } else {
            line.append(buffer, start, count);
        }
    }
}
