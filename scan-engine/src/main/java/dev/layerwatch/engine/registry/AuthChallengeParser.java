package dev.layerwatch.engine.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses {@code WWW-Authenticate} values (RFC 7235 §4.1 challenges with RFC 6750 auth-params): several
 * challenges per header, quoted strings with backslash escapes and commas inside, unquoted token values,
 * optional whitespace around {@code =}, and token68 credentials. Garbage yields the challenges parsed before it.
 */
final class AuthChallengeParser {

    private final String text;
    private int pos;

    private AuthChallengeParser(String text) {
        this.text = text;
    }

    static List<AuthChallenge> parse(String header) {
        return header == null ? List.of() : new AuthChallengeParser(header).challenges();
    }

    /** The first challenge of any of the headers that is Bearer or Basic (Bearer preferred), or null. */
    static AuthChallenge preferred(List<String> headers) {
        AuthChallenge basic = null;
        for (String header : headers) {
            for (AuthChallenge challenge : parse(header)) {
                if (challenge.isBearer() && challenge.realm() != null) {
                    return challenge;
                }
                if (challenge.isBasic() && basic == null) {
                    basic = challenge;
                }
            }
        }
        return basic;
    }

    private List<AuthChallenge> challenges() {
        List<AuthChallenge> result = new ArrayList<>();
        while (true) {
            skip(", \t");
            String scheme = token();
            if (scheme.isEmpty()) {
                return result;
            }
            Map<String, String> params = new LinkedHashMap<>();
            skip(" \t");
            if (!readParams(params)) {
                result.add(new AuthChallenge(scheme, params));
                return result;
            }
            result.add(new AuthChallenge(scheme, params));
        }
    }

    /** Reads auth-params (or one token68) up to the next challenge; false when the rest is unparseable. */
    private boolean readParams(Map<String, String> params) {
        while (pos < text.length()) {
            int start = pos;
            String name = token();
            if (name.isEmpty()) {
                if (peek() == ',') {
                    pos++;
                    skip(" \t");
                    continue;
                }
                return false;
            }
            skip(" \t");
            if (peek() != '=') {
                pos = start; // a bare token: the scheme of the next challenge
                return true;
            }
            int afterName = pos;
            while (peek() == '=') {
                pos++;
            }
            if (pos - afterName > 1 || atParamEnd()) {
                params.put("token68", text.substring(start, pos).trim());
                skip(" \t");
                if (peek() == ',') {
                    pos++;
                }
                return true;
            }
            skip(" \t");
            String value = peek() == '"' ? quoted() : token();
            if (value == null) {
                return false;
            }
            params.merge(name.toLowerCase(Locale.ROOT), value, (a, b) -> a + " " + b);
            skip(" \t");
            if (peek() == ',') {
                pos++;
                skip(" \t");
            } else if (pos < text.length()) {
                return false;
            }
        }
        return true;
    }

    private boolean atParamEnd() {
        int p = pos;
        while (p < text.length() && (text.charAt(p) == ' ' || text.charAt(p) == '\t')) {
            p++;
        }
        return p >= text.length() || text.charAt(p) == ',';
    }

    private String quoted() {
        StringBuilder value = new StringBuilder();
        pos++; // opening quote
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '\\' && pos < text.length()) {
                value.append(text.charAt(pos++));
            } else if (c == '"') {
                return value.toString();
            } else {
                value.append(c);
            }
        }
        return null; // unterminated
    }

    /** A run of RFC 7230 tchars, which include {@code /} and {@code :} so that an unquoted realm URL survives. */
    private String token() {
        int start = pos;
        while (pos < text.length() && isTokenChar(text.charAt(pos))) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private static boolean isTokenChar(char c) {
        return c > ' ' && c < 127 && "\"(),;<=>?@[\\]{}".indexOf(c) < 0;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : 0;
    }

    private void skip(String chars) {
        while (pos < text.length() && chars.indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
    }
}
