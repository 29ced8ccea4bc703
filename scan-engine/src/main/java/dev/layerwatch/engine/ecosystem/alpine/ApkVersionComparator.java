package dev.layerwatch.engine.ecosystem.alpine;

import dev.layerwatch.engine.version.InvalidVersionException;
import dev.layerwatch.engine.version.VersionComparator;
import java.util.ArrayList;
import java.util.List;

/**
 * Alpine package versions, {@code digit{.digit}...{letter}{_suffix{#}}...{~hash}{-r#}}, ordered as apk-tools
 * (version.c of apk-tools 2.14/3) does.
 *
 * <p>Suffixes rank {@code _alpha < _beta < _pre < _rc <} (none) {@code < _cvs < _svn < _git < _hg < _p}. A
 * dotted number other than the first compares as a string when either side has a leading zero (the Gentoo rule
 * apk follows), otherwise numerically. When one version runs out of tokens first, the one that goes on is
 * newer unless what follows is a pre-release suffix; a token that comes earlier in the grammar outranks a later
 * one ({@code 1.2.1 > 1.2a > 1.2_p1 > 1.2-r1 > 1.2}).
 */
public final class ApkVersionComparator implements VersionComparator {

    public static final String SCHEME = "apk";

    /** In grammar order: when two versions differ in token type, the earlier type is the newer version. */
    private enum TokenType { INITIAL_DIGIT, DIGIT, LETTER, SUFFIX, SUFFIX_NO, COMMIT_HASH, REVISION_NO, END }

    private static final List<String> SUFFIXES =
            List.of("alpha", "beta", "pre", "rc", "", "cvs", "svn", "git", "hg", "p");
    private static final int SUFFIX_NONE = SUFFIXES.indexOf("");

    private record Token(TokenType type, String text, int suffixRank) {
    }

    private static final Token END = new Token(TokenType.END, "", -1);

    @Override
    public String scheme() {
        return SCHEME;
    }


    @Override
    public int compare(String a, String b) {
        List<Token> left = tokenize(a);
        List<Token> right = tokenize(b);
        int i = 0;
        Token ta = tokenAt(left, i);
        Token tb = tokenAt(right, i);
        while (ta.type() == tb.type() && ta.type() != TokenType.END) {
            int result = compareSameType(ta, tb);
            if (result != 0) {
                return result;
            }
            i++;
            ta = tokenAt(left, i);
            tb = tokenAt(right, i);
        }
        if (ta.type() == tb.type()) {
            return 0;
        }
        if (ta.type() == TokenType.SUFFIX && ta.suffixRank() < SUFFIX_NONE) {
            return -1;
        }
        if (tb.type() == TokenType.SUFFIX && tb.suffixRank() < SUFFIX_NONE) {
            return 1;
        }
        return ta.type().compareTo(tb.type()) > 0 ? -1 : 1;
    }

    private static Token tokenAt(List<Token> tokens, int index) {
        return index < tokens.size() ? tokens.get(index) : END;
    }

    private static int compareSameType(Token a, Token b) {
        return switch (a.type()) {
            case DIGIT -> a.text().startsWith("0") || b.text().startsWith("0")
                    ? Integer.signum(a.text().compareTo(b.text()))
                    : compareNumbers(a.text(), b.text());
            case INITIAL_DIGIT, SUFFIX_NO, REVISION_NO -> compareNumbers(a.text(), b.text());
            case SUFFIX -> Integer.compare(a.suffixRank(), b.suffixRank());
            case LETTER, COMMIT_HASH -> Integer.signum(a.text().compareTo(b.text()));
            case END -> 0;
        };
    }

    /** Unbounded non-negative decimal comparison, so that huge numbers neither overflow nor throw. */
    static int compareNumbers(String a, String b) {
        String x = stripLeadingZeros(a);
        String y = stripLeadingZeros(b);
        if (x.length() != y.length()) {
            return Integer.compare(x.length(), y.length());
        }
        return Integer.signum(x.compareTo(y));
    }

    private static String stripLeadingZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }

    private static List<Token> tokenize(String version) {
        if (version == null || version.isEmpty()) {
            throw new InvalidVersionException(SCHEME, String.valueOf(version), "version string is empty");
        }
        List<Token> tokens = new ArrayList<>();
        int pos = digitsEnd(version, 0);
        if (pos == 0) {
            throw new InvalidVersionException(SCHEME, version, "must start with a digit");
        }
        tokens.add(new Token(TokenType.INITIAL_DIGIT, version.substring(0, pos), -1));
        while (pos < version.length()) {
            TokenType previous = tokens.getLast().type();
            char c = version.charAt(pos);
            if (c >= 'a' && c <= 'z' && previous.compareTo(TokenType.DIGIT) <= 0) {
                tokens.add(new Token(TokenType.LETTER, String.valueOf(c), -1));
                pos++;
            } else if (c == '.' && previous.compareTo(TokenType.DIGIT) <= 0) {
                int end = digitsEnd(version, pos + 1);
                if (end == pos + 1) {
                    throw new InvalidVersionException(SCHEME, version, "a dot must be followed by digits");
                }
                tokens.add(new Token(TokenType.DIGIT, version.substring(pos + 1, end), -1));
                pos = end;
            } else if (c >= '0' && c <= '9' && previous == TokenType.SUFFIX) {
                int end = digitsEnd(version, pos);
                tokens.add(new Token(TokenType.SUFFIX_NO, version.substring(pos, end), -1));
                pos = end;
            } else if (c == '_' && previous.compareTo(TokenType.SUFFIX_NO) <= 0) {
                int end = pos + 1;
                while (end < version.length() && version.charAt(end) >= 'a' && version.charAt(end) <= 'z') {
                    end++;
                }
                String suffix = version.substring(pos + 1, end);
                int rank = SUFFIXES.indexOf(suffix);
                if (suffix.isEmpty() || rank < 0) {
                    throw new InvalidVersionException(SCHEME, version, "unknown suffix '_" + suffix
                            + "' (expected one of _alpha _beta _pre _rc _cvs _svn _git _hg _p)");
                }
                tokens.add(new Token(TokenType.SUFFIX, suffix, rank));
                pos = end;
            } else if (c == '~' && previous.compareTo(TokenType.COMMIT_HASH) < 0) {
                int end = pos + 1;
                while (end < version.length() && Character.digit(version.charAt(end), 16) >= 0) {
                    end++;
                }
                if (end == pos + 1) {
                    throw new InvalidVersionException(SCHEME, version, "'~' must be followed by a commit hash");
                }
                tokens.add(new Token(TokenType.COMMIT_HASH, version.substring(pos + 1, end), -1));
                pos = end;
            } else if (c == '-' && previous.compareTo(TokenType.REVISION_NO) < 0) {
                int end = version.startsWith("-r", pos) ? digitsEnd(version, pos + 2) : pos + 2;
                if (!version.startsWith("-r", pos) || end == pos + 2) {
                    throw new InvalidVersionException(SCHEME, version, "a hyphen must start a revision '-r<number>'");
                }
                tokens.add(new Token(TokenType.REVISION_NO, version.substring(pos + 2, end), -1));
                pos = end;
            } else {
                throw new InvalidVersionException(SCHEME, version,
                        "unexpected '" + c + "' at position " + pos + " after the " + describe(previous));
            }
        }
        return tokens;
    }

    private static String describe(TokenType type) {
        return switch (type) {
            case INITIAL_DIGIT, DIGIT -> "number";
            case LETTER -> "letter";
            case SUFFIX, SUFFIX_NO -> "suffix";
            case COMMIT_HASH -> "commit hash";
            case REVISION_NO -> "revision";
            case END -> "end";
        };
    }

    private static int digitsEnd(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }
}
