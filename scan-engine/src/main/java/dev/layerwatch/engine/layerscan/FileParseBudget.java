package dev.layerwatch.engine.layerscan;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * The time one reader may spend on one file: the stream it reads stops with {@link Exceeded} once the budget is
 * spent, and the engine turns that into a warning on the file, so a file built to be slow to parse holds a scan
 * thread for the budget and no longer. Checked on every read: a reader that has read the whole file and then
 * loops without reading is not stopped (the catalogers parse while they read).
 */
final class FileParseBudget {

    /** Parsing the largest real package database takes well under a second; a layer file never needs this. */
    static final Duration DEFAULT = Duration.ofSeconds(20);

    private FileParseBudget() {
    }

    static InputStream limit(InputStream content, Duration budget, String location) {
        return new Deadline(content, System.nanoTime() + budget.toNanos(), budget, location);
    }

    /** The budget was spent: unchecked, so it passes through parsers that only declare {@link IOException}. */
    static final class Exceeded extends RuntimeException {
        Exceeded(String message) {
            super(message, null, false, false);
        }
    }

    private static final class Deadline extends FilterInputStream {
        private final long deadline;
        private final Duration budget;
        private final String location;

        Deadline(InputStream in, long deadline, Duration budget, String location) {
            super(in);
            this.deadline = deadline;
            this.budget = budget;
            this.location = location;
        }

        private void check() {
            if (System.nanoTime() - deadline > 0) {
                throw new Exceeded(location + ": not read within the per-file parse budget of " + budget.toSeconds()
                        + " s, skipped");
            }
        }

        @Override
        public int read() throws IOException {
            check();
            return super.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            check();
            return super.read(b, off, len);
        }

        @Override
        public long skip(long n) throws IOException {
            check();
            return super.skip(n);
        }

        @Override
        public long transferTo(java.io.OutputStream out) throws IOException {
            // FilterInputStream would hand the whole transfer to the source: keep every chunk under the budget
            byte[] buffer = new byte[8192];
            long total = 0;
            int n;
            while ((n = read(buffer, 0, buffer.length)) >= 0) {
                out.write(buffer, 0, n);
                total += n;
            }
            return total;
        }
    }
}
