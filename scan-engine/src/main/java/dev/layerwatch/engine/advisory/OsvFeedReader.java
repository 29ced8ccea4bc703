package dev.layerwatch.engine.advisory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads OSV records from a single file, a directory tree, or a per-ecosystem {@code all.zip}, one
 * record at a time (zips are streamed entry by entry, never loaded whole). A bad record becomes a
 * {@link FeedWarning} naming the file and the read goes on; a container that cannot be opened at all
 * (missing path, truncated zip) is an {@link IOException}, so an updater can refuse to switch to it.
 */
public final class OsvFeedReader {

    private final OsvRecordParser parser = new OsvRecordParser();

    public FeedReadResult read(Path path, Consumer<Advisory> sink) throws IOException {
        Tally tally = new Tally();
        if (Files.isDirectory(path)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(path)) {
                files = walk.filter(Files::isRegularFile)
                        .filter(p -> OsvRecordParser.isRecordFile(p.getFileName().toString())
                                || isZip(p))
                        .sorted().toList();
            }
            for (Path file : files) {
                if (isZip(file)) {
                    readZip(file, sink, tally);
                } else {
                    readFile(file, sink, tally);
                }
            }
        } else if (isZip(path)) {
            readZip(path, sink, tally);
        } else if (Files.isRegularFile(path)) {
            readFile(path, sink, tally);
        } else {
            throw new IOException("cannot read OSV feed " + path + ": no such file or directory");
        }
        return tally.result();
    }

    private void readFile(Path file, Consumer<Advisory> sink, Tally tally) {
        try (InputStream in = Files.newInputStream(file)) {
            tally.accept(parser.parse(in, file.getFileName().toString()), sink);
        } catch (IOException e) {
            tally.warn(file.toString(), "cannot read OSV record: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            tally.warn(file.toString(), e.getMessage());
        }
    }

    private void readZip(Path zip, Consumer<Advisory> sink, Tally tally) throws IOException {
        try (ZipFile zf = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = zf.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.isDirectory() || !OsvRecordParser.isRecordFile(entry.getName())) {
                    continue;
                }
                String where = zip + "!" + entry.getName();
                try (InputStream in = zf.getInputStream(entry)) {
                    tally.accept(parser.parse(in, entry.getName()), sink);
                } catch (ZipException e) {
                    throw new IOException("cannot read OSV zip " + where + ": " + e.getMessage(), e);
                } catch (IllegalArgumentException e) {
                    tally.warn(where, e.getMessage());
                }
            }
        } catch (ZipException e) {
            throw new IOException("cannot open OSV zip " + zip + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static boolean isZip(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    private static final class Tally {
        private int advisories;
        private int withdrawn;
        private final List<FeedWarning> warnings = new ArrayList<>();

        void accept(Advisory advisory, Consumer<Advisory> sink) {
            if (advisory.isWithdrawn()) {
                withdrawn++;
            } else {
                advisories++;
            }
            sink.accept(advisory);
        }

        void warn(String file, String message) {
            warnings.add(new FeedWarning(file, message));
        }

        FeedReadResult result() {
            return new FeedReadResult(advisories, withdrawn, warnings);
        }
    }
}
