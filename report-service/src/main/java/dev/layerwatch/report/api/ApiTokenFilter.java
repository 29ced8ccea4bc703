package dev.layerwatch.report.api;

import dev.layerwatch.report.config.ReportProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <token>} on every {@code /api/v1} call but the OpenAPI document: no or an unknown token
 * → 401, a {@code read} token on a call that changes the store (any method but GET/HEAD) → 403. Tokens are compared in
 * constant time.
 */
@Component
public class ApiTokenFilter extends OncePerRequestFilter {

    static final String API = "/api/v1/";
    static final String OPENAPI = "/api/v1/openapi.yaml";

    private final ReportProperties properties;

    public ApiTokenFilter(ReportProperties properties) {
        this.properties = properties;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !path.startsWith(API) || path.equals(OPENAPI);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            reject(response, 401, "missing API token: send Authorization: Bearer <token>");
            return;
        }
        byte[] presented = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        ReportProperties.Token match = null;
        for (ReportProperties.Token token : properties.tokens()) {
            if (token.token() != null && !token.token().isEmpty()
                    && MessageDigest.isEqual(presented, token.token().getBytes(StandardCharsets.UTF_8))) {
                match = token;
            }
        }
        if (match == null) {
            reject(response, 401, "unknown API token");
            return;
        }
        boolean reading = request.getMethod().equals("GET") || request.getMethod().equals("HEAD");
        if (!reading && match.role() != ReportProperties.Role.ADMIN) {
            reject(response, 403, "this call needs an admin token; '" + match.name() + "' is a read token");
            return;
        }
        chain.doFilter(request, response);
    }

    private static void reject(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"layerwatch\"");
        }
        response.getWriter().write(ApiErrors.json(status, message));
    }
}
