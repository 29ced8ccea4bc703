package dev.layerwatch.cli;

import dev.layerwatch.engine.standard.VersionComparators;
import dev.layerwatch.engine.version.InvalidVersionException;
import dev.layerwatch.engine.version.VersionComparator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code layerwatch versions compare --scheme S}: the version comparators, exposed for debugging ranges by hand.
 * Reads {@code A<TAB>B} lines from stdin and writes one line per input line ({@code -1}, {@code 0}, {@code 1}
 * or {@code error: <reason>}), so output lines up with input even when some lines are bad.
 */
@Command(name = "versions", description = "Version ordering of each package ecosystem.",
        mixinStandardHelpOptions = true, versionProvider = LayerwatchVersion.class,
        subcommands = VersionsCommand.Compare.class)
public final class VersionsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "missing subcommand: versions compare --scheme SCHEME");
    }

    @Command(name = "compare", mixinStandardHelpOptions = true, versionProvider = LayerwatchVersion.class,
            description = {"Compares the two versions of each A<TAB>B line on stdin.",
                    "Prints -1, 0 or 1 per line, or 'error: <reason>' for an invalid version or a malformed line."})
    static final class Compare implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Option(names = "--scheme", required = true, paramLabel = "SCHEME", completionCandidates = SchemeNames.class,
                description = "Version scheme: ${COMPLETION-CANDIDATES}.")
        private String scheme;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            VersionComparator comparator;
            try {
                comparator = VersionComparators.byScheme(scheme);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("layerwatch: " + e.getMessage());
                return Layerwatch.EXIT_USAGE;
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            try {
                String line;
                long number = 0;
                while ((line = in.readLine()) != null) {
                    number++;
                    out.println(compareLine(comparator, line, number));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("reading version pairs from stdin failed", e);
            }
            out.flush();
            return 0;
        }

        private static String compareLine(VersionComparator comparator, String rawLine, long number) {
            String line = rawLine.endsWith("\r") ? rawLine.substring(0, rawLine.length() - 1) : rawLine;
            int tab = line.indexOf('\t');
            if (tab < 0 || line.indexOf('\t', tab + 1) >= 0) {
                return "error: line " + number + " is not two versions separated by one tab";
            }
            try {
                int result = comparator.compare(line.substring(0, tab), line.substring(tab + 1));
                return String.valueOf(Integer.signum(result));
            } catch (InvalidVersionException e) {
                return "error: " + e.getMessage();
            }
        }
    }

    /** The scheme names for picocli's help text, from the one list of comparators. */
    static final class SchemeNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return VersionComparators.all().stream().map(VersionComparator::scheme).iterator();
        }
    }
}
