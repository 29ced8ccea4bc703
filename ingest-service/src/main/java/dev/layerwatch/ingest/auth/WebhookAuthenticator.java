package dev.layerwatch.ingest.auth;

import dev.layerwatch.ingest.auth.IngestAuthProperties.SourceCredentials;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Checks a request against its source's credential. Every comparison hashes both sides to SHA-256 first and
 * compares with {@link MessageDigest#isEqual}, so neither the content nor the length of the secret leaks through
 * timing. Failure reasons never contain what the caller presented.
 */
@Component
public class WebhookAuthenticator {

    private final IngestAuthProperties properties;
    /** The configured secrets' digests, so a request hashes only what it presented. */
    private final Map<String, byte[]> expectedDigests = new ConcurrentHashMap<>();

    public WebhookAuthenticator(IngestAuthProperties properties) {
        this.properties = properties;
    }

    public boolean enabled(String source) {
        return properties.forSource(source) != null;
    }

    /** Empty when one of {@code schemes} accepts the request, else why not (safe to log). */
    public Optional<String> failure(String source, Set<AuthScheme> schemes, PresentedCredentials presented) {
        SourceCredentials credentials = properties.forSource(source);
        if (credentials == null) {
            return Optional.of("source " + source + " has no credential configured");
        }
        List<String> missing = new ArrayList<>();
        String wrong = null;
        for (AuthScheme scheme : AuthScheme.values()) {
            if (!schemes.contains(scheme)) {
                continue;
            }
            Optional<String> failure = check(scheme, credentials, presented);
            if (failure.isEmpty()) {
                return failure;
            }
            if (failure.get().startsWith("no ")) {
                missing.add(failure.get());
            } else if (wrong == null) {
                wrong = failure.get();
            }
        }
        return Optional.of(wrong != null ? wrong : String.join(" and ", missing));
    }

    private Optional<String> check(AuthScheme scheme, SourceCredentials credentials, PresentedCredentials presented) {
        return switch (scheme) {
            case AUTHORIZATION_HEADER -> authorizationHeader(credentials, presented.header("Authorization"));
            case GITHUB_SIGNATURE -> githubSignature(credentials, presented.header("X-Hub-Signature-256"), presented.body());
            case JFROG_SECRET -> jfrogSecret(credentials, presented.header("X-JFrog-Event-Auth"), presented.body());
            case URL_SECRET -> urlSecret(credentials, presented);
        };
    }

    private Optional<String> authorizationHeader(SourceCredentials credentials, String header) {
        if (header == null || header.isBlank()) {
            return Optional.of("no Authorization header");
        }
        int space = header.indexOf(' ');
        String type = space > 0 ? header.substring(0, space).toLowerCase(Locale.ROOT) : "";
        String value = space > 0 ? header.substring(space + 1).trim() : "";
        if (type.equals("bearer")) {
            return matches(value, credentials.token()) ? Optional.empty() : Optional.of("wrong bearer token");
        }
        if (type.equals("basic")) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Optional.of("Basic credentials are not base64");
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return Optional.of("Basic credentials lack user:password");
            }
            boolean userOk = credentials.username() == null || matches(decoded.substring(0, colon), credentials.username());
            boolean passwordOk = matches(decoded.substring(colon + 1), credentials.token());
            return userOk & passwordOk ? Optional.empty() : Optional.of("wrong Basic credentials");
        }
        return Optional.of("Authorization scheme is neither Bearer nor Basic");
    }

    private Optional<String> githubSignature(SourceCredentials credentials, String header, byte[] body) {
        if (header == null || header.isBlank()) {
            return Optional.of("no X-Hub-Signature-256 header");
        }
        String expected = "sha256=" + hmacHex(credentials.token(), body);
        return matches(header.trim().toLowerCase(Locale.ROOT), expected) ? Optional.empty() : Optional.of("wrong X-Hub-Signature-256");
    }

    private Optional<String> jfrogSecret(SourceCredentials credentials, String header, byte[] body) {
        if (header == null || header.isBlank()) {
            return Optional.of("no X-JFrog-Event-Auth header");
        }
        String value = header.trim();
        boolean ok = matches(value, credentials.token()) | matches(value.toLowerCase(Locale.ROOT), hmacHex(credentials.token(), body));
        return ok ? Optional.empty() : Optional.of("wrong X-JFrog-Event-Auth");
    }

    private Optional<String> urlSecret(SourceCredentials credentials, PresentedCredentials presented) {
        String secret = presented.pathSecret() != null ? presented.pathSecret() : presented.queryToken();
        if (secret == null || secret.isEmpty()) {
            return Optional.of("no secret path segment or token query parameter");
        }
        return matches(secret, credentials.token()) ? Optional.empty() : Optional.of("wrong URL secret");
    }

    private boolean matches(String presented, String expected) {
        return MessageDigest.isEqual(sha256(presented), expectedDigests.computeIfAbsent(expected, WebhookAuthenticator::sha256));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    static String hmacHex(String key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
