package dev.layerwatch.report.config;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code layerwatch.report.*}.
 *
 * @param tokens      API tokens; {@code read} may query, {@code admin} may also change the store. None configured: every
 *                    API call is refused (401).
 * @param maxPageSize the largest page a caller gets, whatever it asks for
 * @param teams       team name → repository globs it owns ({@code prod/payments/**}), for posture per team
 */
@ConfigurationProperties("layerwatch.report")
public record ReportProperties(List<Token> tokens, @DefaultValue("500") int maxPageSize, @DefaultValue("50") int defaultPageSize,
                               Map<String, List<String>> teams) {

    public ReportProperties {
        tokens = tokens == null ? List.of() : List.copyOf(tokens);
        teams = teams == null ? Map.of() : Map.copyOf(teams);
    }

    public enum Role { READ, ADMIN }

    /** @param name who holds it, for logs (the token itself is never logged) */
    public record Token(String name, String token, @DefaultValue("read") Role role) {
    }
}
