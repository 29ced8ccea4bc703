package dev.layerwatch.engine.ecosystem.alpine;

import dev.layerwatch.engine.version.VersionComparator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Alpine package versions, {@code digit{.digit}...{letter}{_suffix{#}}...{~hash}{-r#}}, ordered as apk-tools
 * (version.c of apk-tools 2.14/3) does.
 *
 * <p>Suffixes rank {@code _alpha < _beta < _pre < _rc <} (none) {@code < _cvs < _svn < _git < _hg < _p}. A
 * dotted number other than the first compares as a string when either side has a leading zero (the Gentoo rule
 * apk follows), otherwise numerically. When one version runs out of tokens first, the one that goes on is
 * newer unless what follows is a pre-release suffix; a token that comes earlier in the grammar outranks a later
 * one ({@code 1.2.1 > 1.2a > 1.2_p1 > 1.2-r1 > 1.2}).
 *
 * <p>Like apk-tools, this never refuses a version: where the grammar breaks, the rest of the string becomes one
 * "invalid" token that ranks after every other token type, the end included, so {@code 1.0_foo < 1.0} and
 * two versions that break at the same point after equal tokens are equal. Such a version is reported as an
 * {@link #irregularity}.
 */
public final class ApkVersionComparator implements VersionComparator {

    public static final String SCHEME = "apk";

    /** In grammar order: when two versions differ in token type, the earlier type is the newer version. */
    private enum TokenType { INITIAL_DIGIT, DIGIT, LETTER, SUFFIX, SUFFIX_NO, COMMIT_HASH, REVISION_NO, END, INVALID }

    private static final List<String> SUFFIXES =
            List.of("alpha", "beta", "pre", "rc", "", "cvs", "svn", "git", "hg", "p");
    private static final int SUFFIX_NONE = SUFFIXES.indexOf("");

    private record Token(TokenType type, String text, int suffixRank, int position) {
    }

    @Override
    public String scheme() {
        return SCHEME;
    }

    @Override
    public Optional<String> irregularity(String version) {
        List<Token> tokens = tokenize(version == null ? "" : version);
        Token last = tokens.getLast();
        if (last.type() != TokenType.INVALID) {
            return Optional.empty();
        }
        return Optional.of("apk-tools finds '" + version + "' invalid from position " + last.position()
                + " ('" + version.substring(Math.min(last.position(), version.length())) + "'); compared as apk does,"
                + " the invalid rest ranking below the end of a version");
    }

    @Override
    public int compare(String a, String b) {
        List<Token> left = tokenize(a == null ? "" : a);
        List<Token> right = tokenize(b == null ? "" : b);
        int i = 0;
        Token ta = left.get(i);
        Token tb = right.get(i);
        while (ta.type() == tb.type() && ta.type().compareTo(TokenType.END) < 0) {
            int result = compareSameType(ta, tb);
            if (result != 0) {
                return result;
            }
            i++;
            ta = left.get(i);
            tb = right.get(i);
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

    private static int compareSameType(Token a, Token b) {
        return switch (a.type()) {
            case DIGIT -> a.text().startsWith("0") || b.text().startsWith("0")
                    ? Integer.signum(a.text().compareTo(b.text()))
                    : compareNumbers(a.text(), b.text());
            case INITIAL_DIGIT, SUFFIX_NO, REVISION_NO -> compareNumbers(a.text(), b.text());
            case SUFFIX -> Integer.compare(a.suffixRank(), b.suffixRank());
            case LETTER, COMMIT_HASH -> Integer.signum(a.text().compareTo(b.text()));
            case END, INVALID -> 0;
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

    /** apk's token_first/token_next: the tokens, ending with END or, where the grammar breaks, INVALID. */
    private static List<Token> tokenize(String version) {
        List<Token> tokens = new ArrayList<>();
        int pos = digitsEnd(version, 0);
        if (pos == 0) {
            tokens.add(new Token(TokenType.INVALID, "", -1, 0));
            return tokens;
        }
        tokens.add(new Token(TokenType.INITIAL_DIGIT, version.substring(0, pos), -1, 0));
        while (true) {
            if (pos >= version.length()) {
                tokens.add(new Token(TokenType.END, "", -1, pos));
                return tokens;
            }
            TokenType previous = tokens.getLast().type();
            char c = version.charAt(pos);
            Token next = null;
            int end = pos;
            if (c >= 'a' && c <= 'z') {
                if (previous.compareTo(TokenType.DIGIT) <= 0) {
                    next = new Token(TokenType.LETTER, String.valueOf(c), -1, pos);
                    end = pos + 1;
                }
            } else if (c == '.' || (c >= '0' && c <= '9')) {
                int from = c == '.' ? pos + 1 : pos;
                end = digitsEnd(version, from);
                TokenType type = c == '.'
                        ? (previous.compareTo(TokenType.DIGIT) <= 0 ? TokenType.DIGIT : null)
                        : previous == TokenType.SUFFIX ? TokenType.SUFFIX_NO
                        : previous.compareTo(TokenType.DIGIT) <= 0 ? TokenType.DIGIT : null;
                if (type != null && end > from) {
                    next = new Token(type, version.substring(from, end), -1, pos);
                }
            } else if (c == '_') {
                if (previous.compareTo(TokenType.SUFFIX_NO) <= 0) {
                    end = pos + 1;
                    while (end < version.length() && version.charAt(end) >= 'a' && version.charAt(end) <= 'z') {
                        end++;
                    }
                    int rank = SUFFIXES.indexOf(version.substring(pos + 1, end));
                    if (rank >= 0) {
                        next = new Token(TokenType.SUFFIX, version.substring(pos + 1, end), rank, pos);
                    }
                }
            } else if (c == '~') {
                if (previous.compareTo(TokenType.COMMIT_HASH) < 0) {
                    end = pos + 1;
                    while (end < version.length() && Character.digit(version.charAt(end), 16) >= 0) {
                        end++;
                    }
                    if (end > pos + 1) {
                        next = new Token(TokenType.COMMIT_HASH, version.substring(pos + 1, end), -1, pos);
                    }
                }
            } else if (c == '-') {
                if (previous.compareTo(TokenType.REVISION_NO) < 0 && version.startsWith("-r", pos)) {
                    end = digitsEnd(version, pos + 2);
                    if (end > pos + 2) {
                        next = new Token(TokenType.REVISION_NO, version.substring(pos + 2, end), -1, pos);
                    }
                }
            }
            if (next == null) {
                tokens.add(new Token(TokenType.INVALID, "", -1, pos));
                return tokens;
            }
            tokens.add(next);
            pos = end;
        }
    }

    private static int digitsEnd(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }
}
