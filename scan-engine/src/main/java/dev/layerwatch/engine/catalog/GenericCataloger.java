package dev.layerwatch.engine.catalog;

import dev.layerwatch.engine.layer.FileMeta;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A cataloger as a name, a version and a parser per set of files, after syft's
 * {@code generic.NewCataloger(name).WithParserByGlobs(parse, globs...)}. A concrete cataloger is its
 * constructor: {@code super("dpkg", 1); withParserByGlobs(DpkgStatusParser::catalog, "var/lib/dpkg/status")}.
 * The first rule whose files match a path parses it.
 */
public class GenericCataloger implements PackageCataloger {

    /** Reads one wanted file (bounded, not to be closed). A malformed file is a warning in the result. */
    @FunctionalInterface
    public interface Parser {
        CatalogResult parse(FileMeta file, InputStream content) throws IOException;
    }

    private record Rule(Predicate<FileMeta> files, Parser parser) {
    }

    private final String name;
    private final int version;
    private final List<Rule> rules = new ArrayList<>();

    protected GenericCataloger(String name, int version) {
        this.name = name;
        this.version = version;
    }

    /**
     * {@code parser} reads the files whose cleaned path matches one of {@code globs}: {@code *} and {@code ?}
     * stay within one path element, {@code **}{@code /} spans any number of directories (none included).
     */
    protected final GenericCataloger withParserByGlobs(Parser parser, String... globs) {
        Predicate<FileMeta> any = file -> false;
        for (String glob : globs) {
            Pattern pattern = globPattern(glob);
            any = any.or(file -> pattern.matcher(file.path()).matches());
        }
        rules.add(new Rule(any, parser));
        return this;
    }

    /** {@code parser} reads the files {@code files} accepts (for rules a glob cannot say). */
    protected final GenericCataloger withParserWhen(Predicate<FileMeta> files, Parser parser) {
        rules.add(new Rule(files, parser));
        return this;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final int version() {
        return version;
    }

    @Override
    public final boolean wants(FileMeta file) {
        for (Rule rule : rules) {
            if (rule.files().test(file)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public final CatalogResult catalog(FileMeta file, InputStream content) throws IOException {
        for (Rule rule : rules) {
            if (rule.files().test(file)) {
                return rule.parser().parse(file, content);
            }
        }
        return CatalogResult.EMPTY;
    }

    /** The content as UTF-8 lines, malformed bytes replaced (a stray byte must not cost the whole file). */
    public static BufferedReader utf8Lines(InputStream content) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new BufferedReader(new InputStreamReader(content, decoder));
    }

    static Pattern globPattern(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && glob.startsWith("**/", i)) {
                regex.append("(?:.*/)?");
                i += 2;
            } else if (c == '*' && glob.startsWith("**", i)) {
                regex.append(".*");
                i += 1;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
