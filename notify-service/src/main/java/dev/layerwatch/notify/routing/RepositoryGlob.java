package dev.layerwatch.notify.routing;

import java.util.regex.Pattern;

/**
 * A repository pattern: {@code *} matches within one path component, {@code **} across components.
 * A pattern matches either the repository ({@code team/app}) or the full name ({@code registry/team/app}).
 */
public record RepositoryGlob(String pattern, Pattern regex) {

    public static RepositoryGlob of(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException("invalid repository glob: empty");
        }
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
                re.append(".*");
                i++;
            } else if (c == '*') {
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return new RepositoryGlob(pattern, Pattern.compile(re.toString()));
    }

    public boolean matches(String registry, String repository) {
        return regex.matcher(repository).matches() || regex.matcher(registry + "/" + repository).matches();
    }
}
