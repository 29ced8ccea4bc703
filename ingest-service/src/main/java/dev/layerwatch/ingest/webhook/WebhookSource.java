package dev.layerwatch.ingest.webhook;

import dev.layerwatch.ingest.auth.AuthScheme;
import java.util.Locale;
import java.util.Set;

/**
 * One entry of the flavour list: the path name ({@code /webhooks/<name>}), its translator, how its sender
 * authenticates and the content types it sends (compared without parameters such as charset).
 */
public record WebhookSource(String name, WebhookTranslator translator, Set<AuthScheme> authSchemes, Set<String> contentTypes) {

    public WebhookSource {
        authSchemes = Set.copyOf(authSchemes);
        contentTypes = Set.copyOf(contentTypes);
    }

    public boolean accepts(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String bare = (semicolon >= 0 ? contentType.substring(0, semicolon) : contentType).trim().toLowerCase(Locale.ROOT);
        return contentTypes.contains(bare);
    }
}
